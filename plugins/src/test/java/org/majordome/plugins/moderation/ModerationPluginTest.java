package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.MessageStanza;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.api.event.Role;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.Feature;
import org.majordome.plugins.moderation.ModerationConfig.FloodRule;
import org.majordome.plugins.moderation.ModerationConfig.JoinFloodRule;
import org.majordome.plugins.moderation.ModerationConfig.LockdownMode;
import org.majordome.plugins.moderation.ModerationConfig.RoomOverrides;
import org.majordome.plugins.moderation.ModerationConfig.RuleAction;
import org.majordome.plugins.moderation.ModerationConfig.WordRule;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.RoomAction;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

class ModerationPluginTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final String ANNEX = "annex@conference.example.org";

    private PluginTestKit kit;

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    /** The defaults, with a word list, and flood at 4 messages per 5 s (points 2 on the default ladder). */
    private static ModerationConfig config() {
        ModerationConfig defaults = ModerationConfig.defaults();
        return with(defaults, Map.of("flood", new FloodRule(true, 4, Duration.ofSeconds(5), 12, 3_000, 2,
                RuleAction.LADDER, false, false), "words", words(3)));
    }

    private static WordRule words(int points) {
        return new WordRule(true, List.of("fuck", "shit", "spam*"), List.of(), points, RuleAction.LADDER, true, false);
    }

    /** A copy of the configuration with some components replaced, by their YAML-less record name. */
    private static ModerationConfig with(ModerationConfig base, Map<String, Object> changes) {
        return new ModerationConfig(base.dryRun(), base.exemptMembers(), base.warnPrivately(), base.maxExaminedChars(),
                base.pointsDecayEvery(), base.ladder(), base.defaultMute(), base.defaultBan(),
                (FloodRule) changes.getOrDefault("flood", base.flood()), base.repetition(),
                (WordRule) changes.getOrDefault("words", base.words()), base.links(), base.mentions(), base.caps(),
                base.nicknames(), (JoinFloodRule) changes.getOrDefault("joinFlood", base.joinFlood()),
                castRooms(changes.getOrDefault("rooms", base.rooms())));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, RoomOverrides> castRooms(Object rooms) {
        return (Map<String, RoomOverrides>) rooms;
    }

    private TestRoom start(ModerationConfig config, String... rooms) {
        PluginTestKit.Builder builder = PluginTestKit.builder().plugin(new ModerationPlugin(), config)
                .botAdmins("root@example.org");
        for (String room : rooms.length == 0 ? new String[] {LOBBY} : rooms) {
            builder.room(room);
        }
        kit = builder.start();
        // Persistent jobs run on the real clock: keep the plugin's clock near it.
        kit.clock().set(Instant.now());
        return kit.room(rooms.length == 0 ? LOBBY : rooms[0]);
    }

    @Test
    void floodIsActionedPerTheLadderWhileModeratorsAndInnocentsAreNot() {
        TestRoom room = start(config());
        room.join("flooder", Role.PARTICIPANT);
        room.join("mod", Role.MODERATOR, Affiliation.ADMIN);
        room.join("innocent", Role.PARTICIPANT);
        room.say("innocent", "hello all");
        List<String> texts = List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
        for (int i = 0; i < 10; i++) {
            room.say("flooder", texts.get(i));
            room.say("mod", "announcement " + i);
            kit.clock().advance(Duration.ofMillis(200));
        }
        room.say("innocent", "what was that?");

        // 5th message: first flood (2 points) → warn; 10th: second flood (4 points) → remove + mute 10 min.
        assertThat(room.actions()).filteredOn(action -> !(action instanceof RoomAction.Said)).containsExactly(
                new RoomAction.Replied("flooder", "flooder, please stop: flood: 5 messages within 5s."),
                new RoomAction.MessageModerated("stanza-20", "flood: 5 messages within 5s"),
                new RoomAction.VoiceRevoked("flooder"));
        assertThat(room.actions()).noneMatch(action -> action.toString().contains("mod")
                || action.toString().contains("innocent"));
        room.join("boss", Role.MODERATOR, Affiliation.OWNER);
        room.clearActions();
        room.say("boss", "!cases");
        assertThat(room.botSaidPrivatelyTo("boss")).singleElement().asString()
                .contains("#2").contains("flooder: flood → remove+mute 10m")
                .contains("#1").contains("flooder: flood → warn");
    }
}
