package org.majordome.plugins.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.event.Role;
import org.majordome.plugins.calendar.CalendarConfig.Feed;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

/**
 * Issue 20: reminders, agendas and answers of the calendar in a French room, dates written the French way in the
 * calendar's zone; a subscriber who declares English gets English reminders.
 */
class CalendarInFrenchTest {

    private static final String SALON = "salon@conference.example.org";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Duration LONG = Duration.ofHours(12);
    private static final String NB = "\u00a0";

    private final CalendarPlugin plugin = new CalendarPlugin();
    private PluginTestKit kit;

    @TempDir
    Path files;

    @AfterEach
    void closeKit() {
        kit.close();
    }

    private TestRoom start(Instant at) throws IOException {
        Path feed = Files.writeString(files.resolve("team.ics"), Feeds.TEAM);
        CalendarConfig config = new CalendarConfig(List.of(Feed.of("team", feed.toString())), PARIS,
                List.of(Duration.ofDays(1), Duration.ofMinutes(15)), "0 0 8 1 1 ? 2099", 7, LONG, LONG,
                Duration.ofSeconds(2), Duration.ofDays(40), Map.of());
        kit = PluginTestKit.builder().plugin(plugin, config).room(SALON).start();
        kit.clock().set(at);
        plugin.refreshFeeds();
        TestRoom salon = kit.room(SALON).withLanguage(Locale.FRENCH);
        salon.join("alice", Role.PARTICIPANT);
        return salon;
    }

    @Test
    void agendaAndNextAreInFrench() throws IOException {
        TestRoom salon = start(Instant.parse("2025-01-06T10:00:00Z"));

        salon.say("alice", "!agenda 3");
        salon.say("alice", "!next");
        salon.say("alice", "!agenda beaucoup");

        assertThat(salon.botSaid()).containsExactly("""
                        Agenda pour les 3 prochains jours\u00a0:
                        • mar. 7 janv. 2025 17:00–17:30 Call with the printer
                        • mer. 8 janv. 2025 toute la journée Office closed""",
                "Prochain événement" + NB + ": Call with the printer — mar. 7 janv. 2025 17:00 CET, dans 1 jour.",
                "Indiquez un nombre de jours entre 1 et 62.");
    }

    @Test
    void remindersFollowTheRoomAndEachSubscribersLanguage() throws IOException {
        TestRoom salon = start(Instant.parse("2025-01-06T07:00:00Z"));
        salon.join(TestOccupant.nick("bob").realJid("bob@example.org"));
        salon.declaresLanguage("bob", "en");
        salon.say("bob", "!subscribe");

        kit.clock().set(Instant.parse("2025-01-06T07:45:00Z"));
        plugin.tick();

        assertThat(salon.botSaid()).contains("⏰ Team meeting — dans 15 minutes (lun. 6 janv. 2025 09:00 CET, Garden room)");
        assertThat(salon.botSaid()).as("the subscription is answered in the room's language")
                .contains("Vous recevrez les rappels d’événements de ce salon par message direct. !unsubscribe les arrête.");
        assertThat(kit.directChat().sentTo("bob@example.org")).containsExactly(
                "⏰ Team meeting — in 15 minutes (Mon 2025-01-06 09:00 CET, Garden room)");
    }
}
