package org.majordome.api.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CronTextTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void theLastFireTimeOfAWindowIsTheLatestInItInTheExpressionsZone() {
        // 08:00 in Paris is 07:00 UTC in winter.
        assertThat(CronText.lastFireTime("0 0 8 * * ?", PARIS, Instant.parse("2025-01-07T00:00:00Z"),
                Instant.parse("2025-01-07T12:00:00Z"))).contains(Instant.parse("2025-01-07T07:00:00Z"));
        assertThat(CronText.lastFireTime("0 0/15 * * * ?", ZoneOffset.UTC, Instant.parse("2025-01-07T00:00:00Z"),
                Instant.parse("2025-01-07T12:10:00Z"))).contains(Instant.parse("2025-01-07T12:00:00Z"));
    }

    @Test
    void theWindowExcludesItsStartAndIncludesItsEnd() {
        Instant eight = Instant.parse("2025-01-07T07:00:00Z");
        assertThat(CronText.lastFireTime("0 0 8 * * ?", PARIS, eight, eight.plusSeconds(3600))).isEmpty();
        assertThat(CronText.lastFireTime("0 0 8 * * ?", PARIS, eight.minusSeconds(1), eight)).contains(eight);
    }

    @Test
    void anExpressionThatNoLongerFiresStillHasAPastAndTextThatIsNoneIsRefused() {
        assertThat(CronText.lastFireTime("0 0 8 7 1 ? 2025", PARIS, Instant.parse("2025-01-07T00:00:00Z"),
                Instant.parse("2026-12-08T00:00:00Z"))).contains(Instant.parse("2025-01-07T07:00:00Z"));
        assertThatThrownBy(() -> CronText.lastFireTime("every morning", PARIS, Instant.EPOCH, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("'every morning' is not a Quartz");
    }
}
