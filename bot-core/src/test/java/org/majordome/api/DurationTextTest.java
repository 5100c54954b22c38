package org.majordome.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({
            "500ms, PT0.5S",
            "30s, PT30S",
            "5m, PT5M",
            "2h, PT2H",
            "1d, PT24H",
            "1h30m, PT1H30M",
            "PT1M, PT1M",
            "pt90s, PT1M30S",
            "P1D, PT24H",
    })
    void readsShortAndIsoDurations(String text, String expected) {
        assertThat(DurationText.parse(text)).contains(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "5", "5 minutes", "m5", "1.5h", "99999999999999999999d", ""})
    void rejectsAnythingElse(String text) {
        assertThat(DurationText.parse(text)).isEmpty();
    }

    /** Issue 22 item 4: answers say "1 minute", not "1m" or "PT1M". */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PT1M|1 minute",
            "PT2H|2 hours",
            "PT1H30M|1 hour and 30 minutes",
            "P1DT2H5M|1 day, 2 hours and 5 minutes",
            "PT24H|1 day",
            "P14D|2 weeks",
            "P10D|10 days",
            "PT45S|45 seconds",
            "PT0.5S|500 milliseconds",
            "PT1M0.5S|1 minute",
    })
    void wordsSayDurationsAsPeopleDo(String iso, String words) {
        assertThat(DurationText.words(Duration.parse(iso))).isEqualTo(words);
    }
}
