package org.majordome.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.event.Role;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

class KarmaPluginTest {

    private static final String LOBBY = "lobby@conference.example.org";

    private final PluginTestKit kit = PluginTestKit.builder()
            .plugin(new KarmaPlugin(), new KarmaPlugin.Config(Duration.ofMinutes(5), 2))
            .room(LOBBY)
            .start();
    private final TestRoom lobby = kit.room(LOBBY);

    KarmaPluginTest() {
        lobby.join(TestOccupant.nick("alice").role(Role.PARTICIPANT).occupantId("alice-id"));
        lobby.join(TestOccupant.nick("bob").role(Role.PARTICIPANT).occupantId("bob-id"));
        lobby.join(TestOccupant.nick("mod").role(Role.MODERATOR).occupantId("mod-id"));
    }

    @AfterEach
    void stopKit() {
        kit.close();
    }

    @Test
    void votesAreCountedAndStored() {
        lobby.say("alice", "thanks bob++ and carol++");
        lobby.say("mod", "bob++");
        lobby.say("bob", "!karma bob");

        assertThat(lobby.botSaid()).containsExactly(
                "bob now has 1 karma.", "carol now has 1 karma.", "bob now has 2 karma.", "bob has 2 karma.");
    }

    @Test
    void oneVotePerCooldownAndNoneForOneself() {
        lobby.say("alice", "bob++");
        lobby.say("alice", "bob++");
        lobby.say("bob", "bob++");
        kit.clock().advance(Duration.ofMinutes(5));
        lobby.say("alice", "bob--");

        assertThat(lobby.botSaid()).containsExactly(
                "bob now has 1 karma.", "No patting your own back, bob.", "bob now has 0 karma.");
    }

    @Test
    void theBestListShowsTopSizeScores() {
        lobby.say("alice", "bob++ carol++ dave--");
        lobby.say("mod", "bob++");
        lobby.clearActions();

        lobby.say("alice", "!karma");

        assertThat(lobby.botSaid()).containsExactly("Karma: bob 2, carol 1");
    }

    @Test
    void onlyModeratorsMayResetKarma() {
        lobby.say("alice", "bob++");
        lobby.say("alice", "!karma-reset bob");
        lobby.say("mod", "!karma-reset bob");
        lobby.say("alice", "!karma bob");

        assertThat(lobby.botSaid()).containsExactly("bob now has 1 karma.", "Sorry, !karma-reset needs a moderator.",
                "bob starts again from zero.", "bob has 0 karma.");
    }
}
