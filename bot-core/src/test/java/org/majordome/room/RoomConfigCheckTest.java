package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the status pages learn from each configuration check: drift put back stays on record until the next one. */
class RoomConfigCheckTest {

    private static final Instant FIRST = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-12-07T10:05:00Z");

    @Test
    void aRepairIsRememberedWithItsTimeThroughLaterCleanChecks() {
        RoomConfigCheck repaired = RoomConfigCheck.NONE.repairedNow(FIRST, List.of("title", "moderated"), List.of());
        RoomConfigCheck later = repaired.clean(SECOND, List.of());

        assertThat(later.checkedAt()).contains(SECOND);
        assertThat(later.repaired()).containsExactly("title", "moderated");
        assertThat(later.repairedAt()).contains(FIRST);
        assertThat(later.refused()).isEmpty();
    }

    @Test
    void aRefusalIsShownUntilTheNextCheckSucceeds() {
        RoomConfigCheck refused = RoomConfigCheck.NONE.refusedNow(FIRST, "forbidden");

        assertThat(refused.refused()).contains("forbidden");
        assertThat(refused.clean(SECOND, List.of("max-users")).refused()).isEmpty();
        assertThat(refused.clean(SECOND, List.of("max-users")).unsupported()).containsExactly("max-users");
    }

    @Test
    void beforeAnyCheckNothingIsKnown() {
        assertThat(RoomConfigCheck.NONE.checkedAt()).isEmpty();
        assertThat(RoomConfigCheck.NONE.repaired()).isEmpty();
    }
}
