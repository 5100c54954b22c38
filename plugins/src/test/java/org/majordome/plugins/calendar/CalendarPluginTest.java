package org.majordome.plugins.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomLeftEvent;
import org.majordome.plugins.calendar.CalendarConfig.Feed;
import org.majordome.plugins.calendar.CalendarConfig.RoomOverrides;
import org.majordome.plugins.testsupport.PluginSections;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

class CalendarPluginTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final String GARDEN = "garden@conference.example.org";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Never fires during a test: ticks and refreshes are called by the tests. */
    private static final Duration LONG = Duration.ofHours(12);

    private final CalendarPlugin plugin = new CalendarPlugin();
    private PluginTestKit kit;

    @TempDir
    Path files;

    @AfterEach
    void closeKit() {
        if (kit != null) {
            kit.close();
        }
    }

    private Path feedFile(String name, String ics) throws IOException {
        return Files.writeString(files.resolve(name + ".ics"), ics);
    }

    private static CalendarConfig config(List<Feed> feeds, Map<String, RoomOverrides> rooms) {
        return new CalendarConfig(feeds, PARIS, List.of(Duration.ofDays(1), Duration.ofMinutes(15)), "0 0 8 1 1 ? 2099",
                7, LONG, LONG, Duration.ofSeconds(2), Duration.ofDays(40), rooms);
    }

    private void start(CalendarConfig config, Instant at) {
        kit = PluginTestKit.builder().plugin(plugin, config).room(LOBBY).room(GARDEN).start();
        kit.clock().set(at);
        plugin.refreshFeeds();
    }

    private void at(String instant) {
        kit.clock().set(Instant.parse(instant));
    }

    private List<String> meetingReminders(TestRoom room) {
        return room.botSaid().stream().filter(text -> text.startsWith("⏰ Team meeting")).toList();
    }

    @Test
    void aWeeklyMeetingIsRemindedAtEachOffsetOnceInItsZoneSkippingTheExdateAndFollowingTheMovedInstance()
            throws IOException {
        start(config(List.of(Feed.of("team", feedFile("team", Feeds.TEAM).toString())), Map.of()),
                Instant.parse("2025-01-05T00:00:00Z"));
        TestRoom lobby = kit.room(LOBBY);
        // Paris is UTC+1 in January: 09:00 there is 08:00Z; the 27th's meeting moved to 14:00 (13:00Z).
        List<String> expectedInstants = List.of("2025-01-05T08:00:00Z", "2025-01-06T07:45:00Z",
                "2025-01-12T08:00:00Z", "2025-01-13T07:45:00Z",
                "2025-01-26T13:00:00Z", "2025-01-27T12:45:00Z",
                "2025-02-02T08:00:00Z", "2025-02-03T07:45:00Z");

        int expected = 0;
        for (String due : expectedInstants) {
            kit.clock().set(Instant.parse(due).minusSeconds(1));
            plugin.tick();
            assertThat(meetingReminders(lobby)).as("nothing before %s", due).hasSize(expected);
            at(due);
            plugin.tick();
            plugin.tick();
            plugin.refreshFeeds();
            plugin.tick();
            expected++;
            assertThat(meetingReminders(lobby)).as("one reminder at %s", due).hasSize(expected);
            if (expected == 3) {
                // A restart in the middle: nothing is repeated, the rest still comes.
                assertThat(kit.restartPlugins()).isEmpty();
                plugin.refreshFeeds();
                plugin.tick();
                assertThat(meetingReminders(lobby)).hasSize(expected);
            }
        }
        kit.clock().set(Instant.parse("2025-01-20T07:45:00Z"));
        plugin.tick();
        assertThat(meetingReminders(lobby)).as("nothing for the excluded 20th").hasSize(expectedInstants.size());

        assertThat(meetingReminders(lobby)).containsExactly(
                "⏰ Team meeting — in 1 day (Mon 2025-01-06 09:00 CET, Garden room)",
                "⏰ Team meeting — in 15 minutes (Mon 2025-01-06 09:00 CET, Garden room)",
                "⏰ Team meeting — in 1 day (Mon 2025-01-13 09:00 CET, Garden room)",
                "⏰ Team meeting — in 15 minutes (Mon 2025-01-13 09:00 CET, Garden room)",
                "⏰ Team meeting (afternoon) — in 1 day (Mon 2025-01-27 14:00 CET, Garden room)",
                "⏰ Team meeting (afternoon) — in 15 minutes (Mon 2025-01-27 14:00 CET, Garden room)",
                "⏰ Team meeting — in 1 day (Mon 2025-02-03 09:00 CET, Garden room)",
                "⏰ Team meeting — in 15 minutes (Mon 2025-02-03 09:00 CET, Garden room)");
        assertThat(kit.room(GARDEN).botSaid()).as("the feed serves every enabled room")
                .filteredOn(text -> text.startsWith("⏰ Team meeting")).hasSize(expectedInstants.size());
    }

    @Test
    void allDayEventsAreRemindedByTheDay() throws IOException {
        start(config(List.of(Feed.of("team", feedFile("team", Feeds.TEAM).toString())), Map.of()),
                Instant.parse("2025-01-06T22:59:00Z"));

        plugin.tick();
        at("2025-01-06T23:00:00Z");
        plugin.tick();

        assertThat(kit.room(LOBBY).botSaid()).filteredOn(text -> text.contains("Office closed"))
                .containsExactly("⏰ Office closed — tomorrow (Wed 2025-01-08 (all day))");
    }

    @Test
    void aRemindedEventThatMovesOrIsCancelledIsAnnounced() throws IOException {
        Path file = feedFile("one", Feeds.single("party@example.org", "Party", "20250110T180000Z")
                .replace("END:VCALENDAR", Feeds.event("quiz@example.org", "Quiz", "20250110T200000Z") + "END:VCALENDAR"));
        start(config(List.of(new Feed("one", file.toString(), Optional.of(List.of(LOBBY)))), Map.of()),
                Instant.parse("2025-01-09T21:00:00Z"));
        plugin.tick();
        assertThat(kit.room(LOBBY).botSaid()).hasSize(2);

        Files.writeString(file, Feeds.single("party@example.org", "Party", "20250110T190000Z"));
        plugin.refreshFeeds();
        plugin.tick();
        plugin.tick();

        assertThat(kit.room(LOBBY).botSaid().subList(2, 4)).containsExactlyInAnyOrder(
                "❌ Cancelled: Quiz on Fri 2025-01-10 21:00 CET",
                "📅 Moved: Party is now Fri 2025-01-10 20:00 CET (was Fri 2025-01-10 19:00 CET)");
        assertThat(kit.room(GARDEN).botSaid()).as("the feed serves the lobby only").isEmpty();
    }

    @Test
    void missedOffsetsAreNotSentAllAtOnce() throws IOException {
        start(config(List.of(Feed.of("team", feedFile("team", Feeds.TEAM).toString())), Map.of()),
                Instant.parse("2025-01-06T07:50:00Z"));

        plugin.tick();

        assertThat(meetingReminders(kit.room(LOBBY))).containsExactly(
                "⏰ Team meeting — in 10 minutes (Mon 2025-01-06 09:00 CET, Garden room)");
    }

    @Test
    void agendaAndNextAnswerFromTheRoomsFeeds() throws IOException {
        start(config(List.of(Feed.of("team", feedFile("team", Feeds.TEAM).toString())), Map.of()),
                Instant.parse("2025-01-06T10:00:00Z"));
        TestRoom lobby = kit.room(LOBBY);
        lobby.join("alice", Role.PARTICIPANT);

        lobby.say("alice", "!agenda 3");
        lobby.say("alice", "!next");
        lobby.say("alice", "!agenda lots");

        assertThat(lobby.botSaid()).containsExactly("""
                        Agenda for the next 3 days:
                        • Tue 2025-01-07 17:00–17:30 Call with the printer
                        • Wed 2025-01-08 all day Office closed""",
                "Next: Call with the printer — Tue 2025-01-07 17:00 CET, in 1 day.",
                "Give a number of days from 1 to 62.");
    }

    @Test
    void subscribersGetRemindersByDirectMessageOnceEvenFromTwoRooms() throws IOException {
        start(config(List.of(Feed.of("team", feedFile("team", Feeds.TEAM).toString())), Map.of()),
                Instant.parse("2025-01-06T07:00:00Z"));
        kit.room(LOBBY).join(TestOccupant.nick("alice").realJid("Alice@example.org"));
        kit.room(GARDEN).join(TestOccupant.nick("alice").realJid("alice@example.org"));
        kit.room(LOBBY).join("anon", Role.PARTICIPANT);

        kit.room(LOBBY).say("alice", "!subscribe");
        kit.room(GARDEN).say("alice", "!subscribe");
        kit.room(LOBBY).say("anon", "!subscribe");
        at("2025-01-06T07:45:00Z");
        plugin.tick();
        plugin.tick();

        assertThat(kit.directChat().sentTo("alice@example.org")).containsExactly(
                "⏰ Team meeting — in 15 minutes (Mon 2025-01-06 09:00 CET, Garden room)");
        assertThat(kit.room(LOBBY).botSaid()).contains("This room does not show me your real address, so I cannot write to you directly.");

        kit.room(LOBBY).say("alice", "!unsubscribe");
        kit.room(GARDEN).say("alice", "!unsubscribe");
        at("2025-01-06T15:00:00Z");
        plugin.tick();
        assertThat(kit.directChat().sentTo("alice@example.org")).hasSize(1);
    }

    @Test
    void theDailyAgendaListsTodaysEventsInTheRoomsZone() throws IOException {
        start(config(List.of(Feed.of("team", feedFile("team", Feeds.TEAM).toString())), Map.of()),
                Instant.parse("2025-01-07T06:00:00Z"));

        plugin.postDailyAgenda(LOBBY, kit.clock().instant());
        at("2025-01-09T06:00:00Z");
        plugin.postDailyAgenda(LOBBY, kit.clock().instant());

        assertThat(kit.room(LOBBY).botSaid()).as("nothing on an empty day").containsExactly(PRINTER_DAY);
    }

    private static final String PRINTER_DAY = """
            Today, Tue 2025-01-07:
            • 17:00–17:30 Call with the printer""";

    /** The team feed, with a daily agenda at 07:00 in Paris (06:00 UTC in winter). */
    private void startWithAgendaAtSeven(String at) throws IOException {
        CalendarConfig base = config(List.of(Feed.of("team", feedFile("team", Feeds.TEAM).toString())), Map.of());
        start(new CalendarConfig(base.feeds(), base.zone(), base.reminders(), "0 0 7 * * ?", base.agendaDays(),
                base.refresh(), base.tick(), base.httpTimeout(), base.lookAhead(), base.rooms()), Instant.parse(at));
    }

    @Test
    void anAgendaThatFellDueWhileNobodyWasInTheRoomIsPostedAtTheNextJoinThatDayOnce() throws IOException {
        startWithAgendaAtSeven("2025-01-07T05:00:00Z");
        TestRoom lobby = kit.room(LOBBY);
        lobby.botLeaves(RoomLeftEvent.Reason.CONNECTION_LOST);
        lobby.botRejoins();
        at("2025-01-07T05:30:00Z");
        lobby.botLeaves(RoomLeftEvent.Reason.CONNECTION_LOST);

        // Every instance of a cluster runs the timer; none of them is in the room (a failover).
        at("2025-01-07T06:00:00Z");
        plugin.postDailyAgenda(LOBBY, kit.clock().instant());
        assertThat(lobby.botSaid()).isEmpty();

        at("2025-01-07T06:10:00Z");
        lobby.botRejoins();
        assertThat(lobby.botSaid()).containsExactly(PRINTER_DAY);

        lobby.botLeaves(RoomLeftEvent.Reason.KICKED);
        lobby.botRejoins();
        plugin.postDailyAgenda(LOBBY, Instant.parse("2025-01-07T06:00:00Z"));
        assertThat(lobby.botSaid()).as("once per fire time, whoever posts it").hasSize(1);
    }

    @Test
    void anAgendaMissedYesterdayIsNotPostedToday() throws IOException {
        startWithAgendaAtSeven("2025-01-06T05:00:00Z");
        TestRoom lobby = kit.room(LOBBY);
        lobby.botLeaves(RoomLeftEvent.Reason.CONNECTION_LOST);
        lobby.botRejoins();
        lobby.botLeaves(RoomLeftEvent.Reason.CONNECTION_LOST);

        at("2025-01-07T05:30:00Z");
        lobby.botRejoins();

        assertThat(lobby.botSaid()).as("yesterday's agenda is about yesterday; today's is not due yet").isEmpty();
    }

    @Test
    void aRoomKeptForTheFirstTimeIsOwedNoAgendaFromBefore() throws IOException {
        startWithAgendaAtSeven("2025-01-07T10:00:00Z");
        TestRoom lobby = kit.room(LOBBY);
        lobby.botLeaves(RoomLeftEvent.Reason.CONNECTION_LOST);
        lobby.botRejoins();

        assertThat(lobby.botSaid()).isEmpty();
    }

    @Test
    void aRoomThatComesAfterTheStartGetsItsAgendaTimerWhenTheBotJoinsIt() throws IOException {
        // In a cluster, the plugin starts with the rooms this instance holds; it takes others over later.
        startWithAgendaAtSeven("2025-01-07T05:00:00Z");
        kit.scheduler("calendar").room(LOBBY).cancel(DailyAgenda.JOB);
        assertThat(kit.scheduler("calendar").room(LOBBY).job(DailyAgenda.JOB)).isEmpty();

        kit.room(LOBBY).botLeaves(RoomLeftEvent.Reason.CONNECTION_LOST);
        kit.room(LOBBY).botRejoins();

        assertThat(kit.scheduler("calendar").room(LOBBY).job(DailyAgenda.JOB)).isPresent();
    }

    @Test
    void aChangeOfARemindedEventIsAnnouncedByWhoeverRecordsItFirst() throws IOException {
        Path file = feedFile("one", Feeds.single("party@example.org", "Party", "20250110T180000Z"));
        start(config(List.of(new Feed("one", file.toString(), Optional.of(List.of(LOBBY)))), Map.of()),
                Instant.parse("2025-01-09T21:00:00Z"));
        plugin.tick();
        ReminderLedger ledger = new ReminderLedger(kit.storage("calendar"));
        ReminderLedger.Reminded seen = ledger.reminded(ReminderLedger.roomTarget(LOBBY)).getFirst();

        // Two instances of a cluster saw the same cancellation; the second one to record it tells nobody.
        assertThat(ledger.settle(seen, Optional.empty())).isTrue();
        assertThat(ledger.settle(seen, Optional.empty())).isFalse();
        assertThat(ledger.reminded(ReminderLedger.roomTarget(LOBBY))).isEmpty();
    }

    @Test
    void roomOverridesApply() throws IOException {
        start(config(List.of(Feed.of("team", feedFile("team", Feeds.TEAM).toString())),
                        Map.of("Garden@conference.example.org", new RoomOverrides(Optional.of(ZoneId.of("UTC")),
                                Optional.of(List.of(Duration.ofHours(1))), Optional.empty(), Optional.empty()))),
                Instant.parse("2025-01-06T07:00:00Z"));

        plugin.tick();
        plugin.tick();

        assertThat(meetingReminders(kit.room(GARDEN))).containsExactly(
                "⏰ Team meeting — in 1 hour (Mon 2025-01-06 08:00 UTC, Garden room)");
        assertThat(meetingReminders(kit.room(LOBBY))).as("the 1d reminder, late, and only once").containsExactly(
                "⏰ Team meeting — in 1 hour (Mon 2025-01-06 09:00 CET, Garden room)");
    }

    @Test
    void theDocumentedYamlBinds() throws Exception {
        CalendarConfig bound = PluginSections.bind("calendar", CalendarConfig.class, """
                feeds:
                  - name: team
                    source: https://calendar.example.org/team.ics
                    rooms: [Lobby@conference.example.org]
                  - name: local
                    source: /srv/calendars/local.ics
                zone: Europe/Paris
                reminders: [15m, 1d]
                daily-agenda: ""
                tick: 1s
                rooms:
                  lobby@conference.example.org:
                    reminders: [1h]
                    agenda-days: 3
                """);

        assertThat(bound.feed("team").orElseThrow().http()).isTrue();
        assertThat(bound.feed("local").orElseThrow().http()).isFalse();
        assertThat(bound.reminders()).containsExactly(Duration.ofDays(1), Duration.ofMinutes(15));
        assertThat(bound.tick()).isEqualTo(Duration.ofSeconds(1));
        assertThat(bound.refresh()).isEqualTo(Duration.ofMinutes(15));
        CalendarConfig.RoomSettings lobby = bound.forRoom(LOBBY);
        assertThat(lobby.feeds()).containsExactly("team", "local");
        assertThat(lobby.reminders()).containsExactly(Duration.ofHours(1));
        assertThat(lobby.agendaDays()).isEqualTo(3);
        assertThat(lobby.dailyAgenda()).isEmpty();
        assertThat(bound.forRoom(GARDEN).feeds()).containsExactly("local");
    }
}
