package org.majordome.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.majordome.room.RoomStatus;

/** Issue 22 item 5: the ad-hoc {@code status} says whom it counts and shows times in the configured zone. */
class StatusTextTest {

    private static final Instant EVENING = Instant.parse("2026-12-06T22:01:46.931277511Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void statusCountsOccupantsBesidesTheBotAndShowsSinceInTheZoneNotARawInstant() {
        RoomStatus joined = new RoomStatus("lobby@conference.example.org", RoomStatus.State.JOINED, "Majordome", 3,
                EVENING, Optional.empty(), true);
        assertThat(BuiltInAdminCommands.roomLine(joined, PARIS)).isEqualTo(
                "lobby@conference.example.org: JOINED as Majordome, 3 occupants besides the bot, since 2026-12-06 23:01 CET");
    }

    @Test
    void oneOccupantIsSingularAndARoomTheBotIsOutOfCountsNobody() {
        RoomStatus alone = new RoomStatus("help@conference.example.org", RoomStatus.State.JOINED, "Majordome", 1,
                EVENING, Optional.empty(), true);
        assertThat(BuiltInAdminCommands.roomLine(alone, PARIS)).contains(", 1 occupant besides the bot,");

        RoomStatus out = new RoomStatus("help@conference.example.org", RoomStatus.State.WAITING_TO_REJOIN, "Majordome",
                0, EVENING, Optional.of("kicked"), false);
        assertThat(BuiltInAdminCommands.roomLine(out, PARIS)).isEqualTo(
                "help@conference.example.org: WAITING_TO_REJOIN as Majordome, since 2026-12-06 23:01 CET (kicked)");
    }

    /** Issue 16 item 1: the status names the declared affiliations the server refused, with its reason. */
    @Test
    void statusNamesTheDeclaredAffiliationsThatCouldNotBeApplied() {
        RoomStatus refused = new RoomStatus("lobby@conference.example.org", RoomStatus.State.JOINED, "Majordome", 0,
                EVENING, Optional.empty(), true).withUnapplied(java.util.List.of(
                "carol@example.org → owner: not-allowed"));
        assertThat(BuiltInAdminCommands.roomLine(refused, PARIS)).endsWith(
                "since 2026-12-06 23:01 CET; declared affiliations not applied: carol@example.org → owner: not-allowed");
    }
}
