package org.majordome.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Issue 22 item 5: times shown to people are in the room's zone and say so, never raw ISO instants. */
class TimeTextTest {

    private static final Instant EVENING = Instant.parse("2026-12-06T22:01:46.931277511Z");

    @Test
    void aMomentIsShownInTheZoneToTheMinuteWithTheZonesName() {
        assertThat(TimeText.moment(EVENING, ZoneId.of("Europe/Paris"))).isEqualTo("2026-12-06 23:01 CET");
        assertThat(TimeText.moment(Instant.parse("2026-07-01T10:00:00Z"), ZoneId.of("Europe/Paris")))
                .isEqualTo("2026-07-01 12:00 CEST");
    }

    @Test
    void utcSaysUtcWhateverTheZoneIsCalled() {
        assertThat(TimeText.moment(EVENING, ZoneOffset.UTC)).isEqualTo("2026-12-06 22:01 UTC");
        assertThat(TimeText.moment(EVENING, ZoneId.of("UTC"))).isEqualTo("2026-12-06 22:01 UTC");
    }
}
