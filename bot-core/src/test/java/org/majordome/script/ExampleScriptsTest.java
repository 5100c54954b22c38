package org.majordome.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.event.Role;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestRoom;

/** The example scripts shipped in {@code scripts/}, run through the test kit as a user's would be. */
class ExampleScriptsTest {

    @TempDir
    Path temp;
    private ScriptFixture scripts;

    @BeforeEach
    void setUp() throws Exception {
        scripts = new ScriptFixture(Files.createDirectory(temp.resolve("scripts")));
    }

    @AfterEach
    void tearDown() {
        scripts.close();
    }

    private TestRoom lobbyWith(String... exampleFiles) {
        for (String file : exampleFiles) {
            scripts.copyExample(file);
        }
        PluginTestKit kit = scripts.start();
        TestRoom lobby = kit.room(ScriptFixture.ROOM);
        lobby.join("alice", Role.PARTICIPANT);
        lobby.join("bob", Role.PARTICIPANT);
        return lobby;
    }

    /** Issue 20: a script's own bundle, in the room's language, with French typography. */
    @Test
    void diceSpeaksTheRoomsLanguage() {
        scripts.copyExample("dice.js");
        PluginTestKit kit = scripts.start();
        TestRoom lobby = kit.room(ScriptFixture.ROOM).withLanguage(java.util.Locale.FRENCH);
        lobby.join("alice", Role.PARTICIPANT);

        lobby.say("alice", "!roll 1d6");
        lobby.say("alice", "!roll banane");
        lobby.say("alice", "!help roll");

        assertThat(lobby.botSaid().get(0)).matches("alice a lancé 1d6\u00a0: [1-6]");
        assertThat(lobby.botSaid().get(1)).isEqualTo("«\u00a0banane\u00a0» n’est pas un lancer\u00a0; essayez 2d6 ou d20.");
        assertThat(lobby.botSaid().get(2)).isEqualTo("!roll [NdF] — Lance des dés, par exemple 2d6 (1d6 par défaut).");
    }

    /** Issue 20: French plural rules reach scripts: 0 and 1 are singular in French, 0 is plural in English. */
    @Test
    void karmaAndRemindSpeakFrenchInAFrenchRoom() {
        scripts.copyExample("karma.js").copyExample("remind.js");
        PluginTestKit kit = scripts.start();
        TestRoom salon = kit.room(ScriptFixture.ROOM).withLanguage(java.util.Locale.FRENCH);
        salon.join("alice", Role.PARTICIPANT);
        salon.join("bob", Role.PARTICIPANT);

        salon.say("alice", "bob++ merci");
        salon.say("alice", "bob++");
        salon.say("alice", "!karma alice");
        salon.say("alice", "!remind bientôt thé");
        salon.say("alice", "!remind 10m thé");

        assertThat(salon.botSaid()).containsExactly("bob a maintenant 1 point de karma",
                "bob a maintenant 2 points de karma", "alice a 0 point de karma",
                "«\u00a0bientôt\u00a0» n’est pas un délai entre 1s et 7d (par exemple 30s, 10m, 1h30m).",
                "D’accord alice, je vous le rappellerai dans 10m.");
    }

    @Test
    void diceRollsWithinTheDiceRange() {
        TestRoom lobby = lobbyWith("dice.js");
        lobby.say("alice", "!roll 2d6");
        lobby.say("alice", "!roll banana");
        assertThat(lobby.botSaid()).hasSize(2);
        String roll = lobby.botSaid().get(0);
        assertThat(roll).matches("alice rolled 2d6: [1-6] \\+ [1-6] = ([2-9]|1[0-2])");
        String[] numbers = roll.replaceAll(".*: ", "").split(" [+=] ");
        assertThat(Integer.parseInt(numbers[0]) + Integer.parseInt(numbers[1])).isEqualTo(Integer.parseInt(numbers[2]));
        assertThat(lobby.botSaid().get(1)).contains("is not a roll");
    }

    @Test
    void faqAnswersConfiguredQuestionsOncePerCooldown() {
        scripts.config("faq", Map.of("cooldown-seconds", 60, "entries",
                List.of(Map.of("pattern", "how (do|can) I join", "answer", "Ask a moderator for an invitation."))));
        TestRoom lobby = lobbyWith("faq.js");
        lobby.say("alice", "Hi! How can I join the project?");
        lobby.say("bob", "how do i join?");
        lobby.say("bob", "nice weather");
        assertThat(lobby.botSaid()).containsExactly("Ask a moderator for an invitation.");
        lobby.say("alice", "!faq");
        assertThat(lobby.botSaid()).last().isEqualTo("how (do|can) I join");
    }

    @Test
    void karmaCountsPerNickAndRefusesSelfPraise() {
        TestRoom lobby = lobbyWith("karma.js");
        lobby.say("alice", "thanks bob++");
        lobby.say("alice", "bob++ really");
        lobby.say("bob", "bob++");
        lobby.say("alice", "!karma bob");
        lobby.say("alice", "!karma alice");
        assertThat(lobby.botSaid()).containsExactly("bob now has 1 karma", "bob now has 2 karma", "bob has 2 karma",
                "alice has 0 karma");
    }

    @Test
    void remindSaysTheTextInTheRoomAfterTheDelay() {
        TestRoom lobby = lobbyWith("remind.js");
        lobby.say("alice", "!remind 1s tea is ready");
        lobby.say("alice", "!remind soon tea");
        assertThat(lobby.botSaid()).containsExactly("OK alice, I will remind you in 1s.",
                "\"soon\" is not a delay between 1s and 7d (e.g. 30s, 10m, 1h30m).");
        await().atMost(Duration.ofSeconds(60)).until(() -> lobby.botSaid().contains("alice: tea is ready"));
    }
}
