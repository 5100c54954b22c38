package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.Role;
import org.majordome.plugins.moderation.ModerationConfig.FloodRule;
import org.majordome.plugins.moderation.ModerationConfig.RuleAction;
import org.majordome.plugins.moderation.ModerationConfig.WordRule;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.RoomAction;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

/**
 * {@code !pardon} clears the record whatever key it is held under (occupant id, real JID, nick), and is a case.
 * On the default ladder a word worth 2 points is a warning the first time and a mute (at 4 points) the second:
 * after a pardon, the second offence is a warning again.
 */
class PardonTest {

    private static final String LOBBY = "lobby@conference.example.org";

    private PluginTestKit kit;

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    private TestRoom start() {
        ModerationConfig base = ModerationConfig.defaults();
        ModerationConfig config = new ModerationConfig(false, false, false, base.maxExaminedChars(),
                base.pointsDecayEvery(), base.ladder(), base.defaultMute(), base.defaultBan(),
                new FloodRule(false, 6, Duration.ofSeconds(4), 12, 3_000, 2, RuleAction.LADDER, false, false),
                base.repetition(),
                new WordRule(true, List.of("spam*"), List.of(), 2, RuleAction.LADDER, false, false),
                base.links(), base.mentions(), base.caps(), base.nicknames(), base.joinFlood(), Map.of(),
                base.appeals(), base.blocklists(), base.publishBans());
        kit = PluginTestKit.builder().plugin(new ModerationPlugin(), config).room(LOBBY).start();
        kit.clock().set(Instant.now());
        TestRoom room = kit.room(LOBBY);
        room.join(TestOccupant.nick("boss").role(Role.MODERATOR).affiliation(Affiliation.OWNER)
                .realJid("boss@example.org"));
        return room;
    }

    private static TestOccupant alice() {
        return TestOccupant.nick("alice").realJid("alice@example.org").occupantId("oid-alice");
    }

    /** The second offence after the pardon: a warning (a fresh record), not the mute of a second offence. */
    private static void assertStartsFromTheFirstRung(TestRoom room) {
        room.clearActions();
        room.say("alice", "spam again");
        assertThat(room.actions()).noneMatch(RoomAction.VoiceRevoked.class::isInstance);
        assertThat(room.botSaid()).anyMatch(text -> text.contains("please stop"));
    }

    /**
     * Regression: {@code !pardon <jid>} answered "record is clean again" but cleared only a record held under the
     * JID, while the room offers occupant ids (XEP-0421) and the points stayed under the occupant id.
     */
    @Test
    void pardonByJidClearsPointsKeptUnderTheOccupantId() {
        TestRoom room = start();
        room.join(alice());
        room.say("alice", "spam");
        room.say("boss", "!pardon alice@example.org");
        assertStartsFromTheFirstRung(room);
    }

    /** The same, for someone who left: the JID finds the occupant ids it was seen with. */
    @Test
    void pardonByJidOfSomeoneAbsentClearsTheOccupantIdsSeenWithIt() {
        TestRoom room = start();
        room.join(alice());
        room.say("alice", "spam");
        room.leave("alice");
        room.say("boss", "!pardon ALICE@example.org");
        room.join(alice());
        assertStartsFromTheFirstRung(room);
    }

    /** Regression: {@code !pardon <nick>} of someone who left cleared a nick record only, not their occupant id's. */
    @Test
    void pardonByNickOfSomeoneAbsentClearsTheRecordOfTheirOccupantId() {
        TestRoom room = start();
        TestOccupant anonymous = TestOccupant.nick("alice").occupantId("oid-alice");
        room.join(anonymous);
        room.say("alice", "spam");
        room.leave("alice");
        room.say("boss", "!pardon alice");
        room.join(TestOccupant.nick("alice").occupantId("oid-alice"));
        assertStartsFromTheFirstRung(room);
    }

    /** A present occupant by nick: every key they could be held under, here also their JID's and their nick's. */
    @Test
    void pardonByNickClearsEveryKeyOfThePresentOccupant() {
        TestRoom room = start();
        // Records from before the room offered occupant ids, or showed real JIDs.
        kit.storage("moderation").room(LOBBY).put("points/jid:alice@example.org", "2@" + kit.clock().instant());
        kit.storage("moderation").room(LOBBY).put("points/nick:alice", "2@" + kit.clock().instant());
        room.join(alice());
        room.say("alice", "spam");
        assertThat(kit.storage("moderation").room(LOBBY).keys("points/")).hasSize(3);

        room.say("boss", "!pardon alice");

        assertThat(kit.storage("moderation").room(LOBBY).keys("points/")).isEmpty();
    }

    /** Regression: a pardon could not carry a reason (the command took one argument); it is a case like any other. */
    @Test
    void aPardonIsACaseWithItsActorAndReason() {
        TestRoom room = start();
        room.join(alice());
        room.say("alice", "spam");                         // case #1
        room.say("boss", "!pardon alice@example.org apologised in private");

        room.say("boss", "!cases alice@example.org");
        assertThat(room.botSaidPrivatelyTo("boss")).anyMatch(text -> text.contains("#2") && text.contains("pardon"));
        room.say("boss", "!case 2");
        assertThat(room.botSaidPrivatelyTo("boss")).anyMatch(text -> text.startsWith("Case #2")
                && text.contains("pardon") && text.contains("boss@example.org") && text.contains("apologised in private"));
        room.say("boss", "!cases alice");
        assertThat(room.botSaidPrivatelyTo("boss").getLast()).contains("#2").contains("#1");
    }
}
