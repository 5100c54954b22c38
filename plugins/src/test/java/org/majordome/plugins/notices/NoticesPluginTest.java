package org.majordome.plugins.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.ConfigBindingException;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomLeftEvent;
import org.majordome.api.schedule.CatchUp;
import org.majordome.api.schedule.Firing;
import org.majordome.plugins.notices.NoticesConfig.Notice;
import org.majordome.plugins.testsupport.PluginSections;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestRoom;

class NoticesPluginTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final String GARDEN = "garden@conference.example.org";
    private static final String CELLAR = "cellar@conference.example.org";
    /** Never fires during a test. */
    private static final String YEARLY = "0 0 9 1 1 ?";
    private static final Firing ON_TIME = new Firing("notice", Optional.empty(), Instant.EPOCH, Instant.EPOCH, false);

    private final NoticesPlugin plugin = new NoticesPlugin();
    private PluginTestKit kit;

    @AfterEach
    void closeKit() {
        if (kit != null) {
            kit.close();
        }
    }

    private void start(Notice... notices) {
        kit = PluginTestKit.builder().plugin(plugin, new NoticesConfig(ZoneOffset.UTC, List.of(notices)))
                .room(LOBBY).room(GARDEN).roomWithoutPlugins(CELLAR).start();
        kit.room(LOBBY).join("alice", Role.PARTICIPANT);
    }

    private static Notice notice(String name, String text, Optional<List<String>> rooms, boolean onlyAfterActivity) {
        return new Notice(name, text, YEARLY, Optional.empty(), rooms, Optional.of(onlyAfterActivity), Optional.empty());
    }

    @Test
    void aNoticeGoesToEveryRoomItNames() {
        start(notice("cellar-and-lobby", "Wine tasting at six!", Optional.of(List.of(CELLAR, "Lobby@conference.example.org")),
                false));

        plugin.post("cellar-and-lobby", ON_TIME);

        assertThat(kit.room(LOBBY).botSaid()).containsExactly("Wine tasting at six!");
        assertThat(kit.room(CELLAR).botSaid()).containsExactly("Wine tasting at six!");
        assertThat(kit.room(GARDEN).botSaid()).isEmpty();
    }

    @Test
    void withoutRoomsANoticeGoesToTheRoomsThePluginIsEnabledIn() {
        start(notice("everywhere", "Backups run tonight.", Optional.empty(), false));

        plugin.post("everywhere", ON_TIME);

        assertThat(kit.room(LOBBY).botSaid()).containsExactly("Backups run tonight.");
        assertThat(kit.room(GARDEN).botSaid()).containsExactly("Backups run tonight.");
        assertThat(kit.room(CELLAR).botSaid()).isEmpty();
    }

    @Test
    void anActivityOnlyNoticeWaitsForSomeoneToSpeakSinceTheLastOne() {
        start(notice("tip", "Tip: !help lists the commands.", Optional.of(List.of(LOBBY)), true));
        TestRoom lobby = kit.room(LOBBY);

        plugin.post("tip", ON_TIME);
        plugin.post("tip", ON_TIME);
        assertThat(lobby.botSaid()).as("first posting always, then nothing in a silent room").hasSize(1);

        lobby.say("alice", "hello?");
        plugin.post("tip", ON_TIME);
        plugin.post("tip", ON_TIME);
        assertThat(lobby.botSaid()).hasSize(2);
    }

    @Test
    void aLateFiringIsPostedOnce() {
        start(notice("late", "Sorry, this is late.", Optional.of(List.of(LOBBY)), false));

        plugin.post("late", new Firing("notice/late", Optional.empty(), Instant.EPOCH, Instant.EPOCH.plusSeconds(3600),
                true));

        assertThat(kit.room(LOBBY).botSaid()).containsExactly("Sorry, this is late.");
    }

    @Test
    void noNoticeInARoomTheBotIsOutOf() {
        start(notice("everywhere", "Hello all.", Optional.empty(), false));
        kit.room(GARDEN).botLeaves(RoomLeftEvent.Reason.KICKED);

        plugin.post("everywhere", ON_TIME);

        assertThat(kit.room(GARDEN).attempts()).isEmpty();
        assertThat(kit.room(LOBBY).botSaid()).hasSize(1);
    }

    /**
     * Issue 21: with several instances, the notice's timer fires while no instance is in the room (its holder just
     * died, the instance taking it over has not joined yet, and does not even keep the room); the instance that takes
     * the room over must post it once when it joins. It was dropped: nobody posted it.
     */
    @Test
    void aCatchUpNoticeDueWhileTheBotIsOutOfTheRoomIsPostedOnceWhenItJoins() {
        start(catchUpNotice("closing", "The garden closes at six."));
        TestRoom garden = kit.room(GARDEN);
        garden.botRejoins();   // kept and joined before the notice falls due
        garden.botLeaves(RoomLeftEvent.Reason.CONNECTION_LOST);

        plugin.post("closing", new Firing("notice/closing", Optional.empty(), kit.clock().instant().plusSeconds(1),
                kit.clock().instant().plusSeconds(1), false));
        assertThat(garden.attempts()).isEmpty();
        garden.botRejoins();
        garden.botLeaves(RoomLeftEvent.Reason.CONNECTION_LOST);
        garden.botRejoins();

        assertThat(garden.botSaid()).as("posted once, at the first join").containsExactly("The garden closes at six.");
        assertThat(kit.room(LOBBY).botSaid()).as("posted on time where the bot was").hasSize(1);
    }

    /** Issue 21: a notice posted on time is not posted again at the next join, nor in a room joined for the first time. */
    @Test
    void aCatchUpNoticePostedOnTimeIsNotPostedAgainAtTheNextJoin() {
        start(catchUpNotice("closing", "The garden closes at six."));
        TestRoom garden = kit.room(GARDEN);

        plugin.post("closing", ON_TIME);
        garden.botLeaves(RoomLeftEvent.Reason.CONNECTION_LOST);
        garden.botRejoins();

        assertThat(garden.botSaid()).containsExactly("The garden closes at six.");
        kit.room(LOBBY).clearActions();
        kit.room(LOBBY).botRejoins();
        assertThat(kit.room(LOBBY).botSaid()).isEmpty();
    }

    private static Notice catchUpNotice(String name, String text) {
        return new Notice(name, text, YEARLY, Optional.empty(), Optional.empty(), Optional.of(false),
                Optional.of(CatchUp.ONCE));
    }

    @Test
    void noticesListsWhatThisRoomGetsAndWhen() {
        start(new Notice("weekly-meeting", "Meeting at ten.", "0 0 9 ? * MON", Optional.of(ZoneId.of("Europe/Paris")),
                        Optional.of(List.of(LOBBY)), Optional.of(true), Optional.of(CatchUp.ONCE)),
                notice("garden-only", "Water the plants.", Optional.of(List.of(GARDEN)), false));
        TestRoom lobby = kit.room(LOBBY);

        lobby.say("alice", "!notices");
        kit.room(GARDEN).join("bob", Role.PARTICIPANT);

        // Next fire times come from the real scheduler, so only their shape is known.
        assertThat(lobby.botSaid()).singleElement().asString().matches("Scheduled notices:\\n"
                + "• weekly-meeting — next: Mon \\d{4}-\\d\\d-\\d\\d 09:00 Europe/Paris "
                + "\\(only if someone spoke since the last one\\)");
    }

    @Test
    void aRoomWithoutNoticesSaysSo() {
        start(notice("garden-only", "Water the plants.", Optional.of(List.of(GARDEN)), false));
        kit.room(LOBBY).say("alice", "!notices");
        assertThat(kit.room(LOBBY).botSaid()).containsExactly("No notices are scheduled for this room.");
    }

    @Test
    void theCronScheduleDrivesThePosting() {
        start(new Notice("heartbeat", "Still here.", "* * * * * ?", Optional.empty(), Optional.of(List.of(GARDEN)),
                Optional.empty(), Optional.empty()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(kit.room(GARDEN).botSaid()).contains("Still here."));
        assertThat(kit.room(LOBBY).botSaid()).isEmpty();
    }

    @Test
    void theDocumentedYamlBinds() throws Exception {
        NoticesConfig bound = PluginSections.bind("notices", NoticesConfig.class, """
                zone: Europe/Berlin
                notices:
                  - name: weekly-meeting
                    text: "Reminder: team meeting at 10:00 in the garden room."
                    schedule: "0 0 9 ? * MON"
                    zone: Europe/Paris
                    rooms: [Lobby@conference.example.org, garden@conference.example.org]
                    only-after-activity: true
                    catch-up: once
                  - name: daily
                    text: "Good morning!"
                    schedule: "0 0 8 * * ?"
                """);

        assertThat(bound.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        Notice weekly = bound.notice("weekly-meeting").orElseThrow();
        assertThat(weekly.rooms()).contains(List.of(LOBBY, GARDEN));
        assertThat(weekly.catchUpPolicy()).isEqualTo(CatchUp.ONCE);
        assertThat(weekly.postsOnlyAfterActivity()).isTrue();
        Notice daily = bound.notice("daily").orElseThrow();
        assertThat(daily.catchUpPolicy()).isEqualTo(CatchUp.NONE);
        assertThat(daily.postsOnlyAfterActivity()).isFalse();
        assertThat(daily.rooms()).isEmpty();
    }

    @Test
    void aNoticeWithoutTextIsAConfigurationError() {
        assertThatThrownBy(() -> PluginSections.bind("notices", NoticesConfig.class, """
                notices:
                  - name: empty
                    text: ""
                    schedule: "0 0 8 * * ?"
                """)).isInstanceOf(ConfigBindingException.class).hasMessageContaining("notice 'empty': text must not be empty");
    }

    @Test
    void anInvalidScheduleIsRefusedWithTheFileNotWhenThePluginStarts() {
        // Refused by the record, so check-config and a reload see it before any plugin restarts.
        assertThatThrownBy(() -> start(Notice.of("broken", "text", "every monday")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("schedule: notice 'broken': 'every monday' is not a Quartz cron expression");
    }
}
