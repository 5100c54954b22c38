package org.majordome.plugins.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.event.Role;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

/**
 * Issue 20: a room that keeps the default greetings gets them in its language; templates a keeper wrote stay as
 * written, whatever the language.
 */
class WelcomeInFrenchTest {

    private static final String SALON = "salon@conference.example.org";
    private static final String LOBBY = "lobby@conference.example.org";

    private PluginTestKit kit;

    @AfterEach
    void closeKit() {
        kit.close();
    }

    /** The defaults, greeting at once. */
    private static WelcomeConfig defaults() {
        WelcomeConfig d = WelcomeConfig.defaults();
        return new WelcomeConfig(d.firstTime(), d.returning(), d.delivery(), "Soyez bienveillants.", d.rejoinCooldown(),
                3, Duration.ofMillis(500), d.floodSummary(), Duration.ZERO, d.settleAfterJoin(), Map.of());
    }

    private void start(WelcomeConfig config) {
        kit = PluginTestKit.builder().plugin(new WelcomePlugin(), config).room(SALON).room(LOBBY).start();
        kit.room(SALON).withLanguage(Locale.FRENCH).withTitle("Le Salon");
        kit.room(LOBBY).withTitle("The Lobby");
    }

    @Test
    void theDefaultGreetingsAreInTheRoomsLanguage() {
        start(defaults());
        TestRoom salon = kit.room(SALON);
        salon.join(TestOccupant.nick("alice").role(Role.PARTICIPANT).realJid("alice@example.org"));
        salon.leave("alice");
        kit.clock().advance(Duration.ofMinutes(11));
        salon.join(TestOccupant.nick("alice").role(Role.PARTICIPANT).realJid("alice@example.org"));
        kit.room(LOBBY).join("bob", Role.PARTICIPANT);

        assertThat(salon.botSaid()).containsExactly("Bienvenue dans Le Salon, alice\u00a0! Soyez bienveillants.",
                "Bon retour parmi nous, alice\u00a0!");
        assertThat(kit.room(LOBBY).botSaid()).containsExactly("Welcome to The Lobby, bob! Soyez bienveillants.");
    }

    @Test
    void aJoinFloodIsSummedUpInTheRoomsLanguage() {
        start(defaults());
        TestRoom salon = kit.room(SALON);
        for (int i = 1; i <= 5; i++) {
            salon.join("invite" + i, Role.PARTICIPANT);
        }

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(salon.botSaid()).contains("Bienvenue aux 2 nouveaux venus\u00a0!"));
    }

    @Test
    void noRulesIsSaidInTheRoomsLanguage() {
        WelcomeConfig d = WelcomeConfig.defaults();
        start(d);
        kit.room(SALON).join("alice", Role.PARTICIPANT);

        kit.room(SALON).say("alice", "!rules");

        assertThat(kit.room(SALON).botSaid()).last().isEqualTo("Aucune règle n’a été fixée pour ce salon.");
    }

    @Test
    void aKeepersTemplateIsUsedAsWritten() {
        WelcomeConfig d = defaults();
        start(new WelcomeConfig("Salut {nick}\u00a0!", d.returning(), d.delivery(), d.rules(), d.rejoinCooldown(),
                d.floodJoins(), d.floodWindow(), d.floodSummary(), d.greetingDelay(), d.settleAfterJoin(), Map.of()));

        kit.room(LOBBY).join("bob", Role.PARTICIPANT);

        assertThat(kit.room(LOBBY).botSaid()).containsExactly("Salut bob\u00a0!");
    }
}
