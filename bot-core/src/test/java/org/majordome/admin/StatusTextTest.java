package org.majordome.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.majordome.cluster.ClusterView;
import org.majordome.config.BotConfig;
import org.majordome.room.RoomKeeper;
import org.majordome.xmpp.XmppSession;
import org.majordome.room.RoomProblem;
import org.majordome.room.RoomStatus;

/**
 * Issue 22 item 5: the ad-hoc {@code status} says whom it counts and shows times in the configured zone; issue 21 item
 * 6: it lists the cluster.
 */
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
                0, EVENING, Optional.of(RoomProblem.of(RoomProblem.Kind.KICKED)), false);
        assertThat(BuiltInAdminCommands.roomLine(out, PARIS)).isEqualTo(
                "help@conference.example.org: WAITING_TO_REJOIN as Majordome, since 2026-12-06 23:01 CET (kicked)");
    }

    /**
     * Issue 20: the problem of a status line ("kicked: ...") was English whatever the reader's language; the server's
     * words stay as they came.
     */
    @Test
    void aRoomsProblemIsWordedInTheReadersLanguageAndTheServersWordsStayAsTheyCame() {
        RoomStatus out = new RoomStatus("help@conference.example.org", RoomStatus.State.WAITING_TO_REJOIN, "Majordome",
                0, EVENING, Optional.of(RoomProblem.of(RoomProblem.Kind.KICKED_FOR, "Too much noise")), false);
        RoomStatus refused = new RoomStatus("help@conference.example.org", RoomStatus.State.WAITING_TO_REJOIN,
                "Majordome", 0, EVENING, Optional.of(RoomProblem.of(RoomProblem.Kind.MEMBERS_ONLY,
                "registration-required: Members only")), false);
        org.majordome.api.text.Wording french = org.majordome.text.TextService.runtimeWording(java.util.Locale.FRENCH,
                PARIS);

        assertThat(BuiltInAdminCommands.roomLine(out, french)).endsWith("(expulsé\u00a0: Too much noise)");
        assertThat(BuiltInAdminCommands.roomLine(refused, french)).endsWith("(le salon est réservé aux membres et le "
                + "bot n’en est pas membre (registration-required: Members only))");
        assertThat(BuiltInAdminCommands.roomLine(out, PARIS)).endsWith("(kicked: Too much noise)");
        assertThat(refused.problem().orElseThrow()).hasToString(
                "the room is members-only and the bot is not a member (registration-required: Members only)");
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

    /** Issue 21 item 6: an instance of a cluster says which rooms it holds and lists the cluster after its rooms. */
    @Test
    void theStatusOfAnInstanceOfAClusterNamesTheRoomsItHoldsAndListsTheCluster() {
        XmppSession session = mock(XmppSession.class);
        RoomKeeper rooms = mock(RoomKeeper.class);
        when(rooms.status()).thenReturn(java.util.List.of(new RoomStatus("r1@muc", RoomStatus.State.JOINED,
                "Majordome", 0, EVENING, Optional.empty(), true)));
        org.majordome.config.RuntimeSettings runtime = mock(org.majordome.config.RuntimeSettings.class);
        when(runtime.timeZone()).thenReturn(PARIS);
        BotConfig config = mock(BotConfig.class);
        when(config.runtime()).thenReturn(runtime);
        ClusterView view = new ClusterView("a", Set.of("r1@muc"), true, java.util.List.of(
                new ClusterView.Member("a", EVENING, java.util.List.of("r1@muc")),
                new ClusterView.Member("b", EVENING, java.util.List.of("r2@muc"))), Set.of());
        BuiltInAdminCommands commands = new BuiltInAdminCommands(session, rooms, () -> config, words -> null,
                Clock.fixed(EVENING.plusSeconds(3), PARIS), room -> { }, Optional.of(() -> view));

        assertThat(commands.status(org.majordome.text.TextService.runtimeWording(java.util.Locale.ENGLISH, PARIS))
                .text()).contains("Rooms this instance holds (1):\n  r1@muc: JOINED",
                "\nCluster: instance a, acting in 1 room\nLive instances (2):\n"
                        + "  a (this one): 1 room, last renewal 3.0 s ago: r1@muc\n"
                        + "  b: 1 room, last renewal 3.0 s ago: r2@muc");
    }
}
