package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.event.Role;
import org.majordome.plugins.moderation.ModerationConfig.FloodRule;
import org.majordome.plugins.moderation.ModerationConfig.RuleAction;
import org.majordome.plugins.moderation.ModerationConfig.Rung;
import org.majordome.plugins.moderation.ModerationConfig.Sanction;
import org.majordome.plugins.moderation.ModerationConfig.WordRule;
import org.majordome.testing.CapturedLog;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.RoomAction;
import org.majordome.testkit.TestRoom;

/**
 * Points fade in whole steps: the total logged with an offence is the total the ladder compares with its rungs.
 */
class PointsDecayTest {

    private static final String LOBBY = "lobby@conference.example.org";

    private PluginTestKit kit;
    private CapturedLog log;

    @AfterEach
    void close() {
        if (log != null) {
            log.close();
        }
        if (kit != null) {
            kit.close();
        }
    }

    /** A word worth 3 points, a warning from 1 point, a kick from 6, one point forgotten per 15 minutes. */
    private TestRoom start() {
        return start(List.of(new Rung(1, Sanction.WARN, Duration.ZERO, false),
                new Rung(6, Sanction.KICK, Duration.ZERO, false)));
    }

    private TestRoom start(List<Rung> ladder) {
        ModerationConfig base = ModerationConfig.defaults();
        ModerationConfig config = new ModerationConfig(false, false, false, base.maxExaminedChars(),
                Duration.ofMinutes(15), ladder,
                base.defaultMute(), base.defaultBan(),
                new FloodRule(false, 6, Duration.ofSeconds(4), 12, 3_000, 2, RuleAction.LADDER, false, false),
                base.repetition(),
                new WordRule(true, List.of("spam*"), List.of(), 3, RuleAction.LADDER, false, false),
                base.links(), base.mentions(), base.caps(), base.nicknames(), base.joinFlood(), Map.of(),
                base.appeals(), base.blocklists(), base.publishBans());
        log = CapturedLog.of(ModerationPlugin.class.getName());
        kit = PluginTestKit.builder().plugin(new ModerationPlugin(), config).room(LOBBY).start();
        kit.clock().set(Instant.now());
        return kit.room(LOBBY);
    }

    /**
     * Regression: points faded continuously, so 3 points 27 s old plus 3 new made 5.97, logged "(6.0 points)",
     * while the 6-point rung (a kick) did not apply.
     */
    @Test
    void pointsLoggedAsSixGetTheSixPointRung() {
        TestRoom room = start();
        room.join("alice", Role.PARTICIPANT);
        room.say("alice", "spam one");
        kit.clock().advance(Duration.ofSeconds(27));
        room.say("alice", "spam two");

        assertThat(log.has("INFO", "alice broke words", "(6 points)")).as(log.lines().toString()).isTrue();
        assertThat(room.actions()).anyMatch(RoomAction.Kicked.class::isInstance);
    }

    /** One point is forgotten at the end of each full period, counted from when the record started. */
    @Test
    void pointsFadeOnePointAtTheEndOfEachFullPeriod() {
        TestRoom room = start(List.of(new Rung(1, Sanction.WARN, Duration.ZERO, false)));
        room.join("alice", Role.PARTICIPANT);
        room.say("alice", "spam one");                           // 3
        kit.clock().advance(Duration.ofMinutes(14).plusSeconds(59));
        room.say("alice", "spam two");                           // 3 + 3, nothing forgotten yet
        kit.clock().advance(Duration.ofMinutes(15).plusSeconds(1));
        room.say("alice", "spam three");                         // 30 min after the first: 6 - 2 + 3

        assertThat(log.lines()).filteredOn(line -> line.contains("alice broke words"))
                .extracting(line -> line.replaceAll(".*\\((\\d+(\\.\\d+)?) points\\).*", "$1"))
                .containsExactly("3", "6", "7");
    }

    /**
     * A record stored by a version whose points faded continuously keeps its meaning: 2.5 points become 3 of
     * which the next fades half a period later.
     */
    @Test
    void aFractionalRecordFromBeforeFadesOnTheSameSchedule() {
        start();
        Instant then = kit.clock().instant();
        kit.storage("moderation").room(LOBBY).put("points/jid:old@example.org", "2.5@" + then);
        CaseBook book = new CaseBook(kit.storage("moderation"));
        Duration period = Duration.ofMinutes(10);

        assertThat(book.pointsAfter(LOBBY, "jid:old@example.org", false, 0, then.plus(Duration.ofMinutes(4)), period))
                .isEqualTo(3);
        assertThat(book.pointsAfter(LOBBY, "jid:old@example.org", false, 0, then.plus(Duration.ofMinutes(5)), period))
                .isEqualTo(2);
        assertThat(book.pointsAfter(LOBBY, "jid:old@example.org", false, 0, then.plus(Duration.ofMinutes(25)), period))
                .isZero();
    }
}
