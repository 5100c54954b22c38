package org.majordome.plugins.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.event.Role;
import org.majordome.plugins.gate.GateConfig.Check;
import org.majordome.plugins.gate.GateConfig.Question;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.RoomAction;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

/**
 * Issue 20: a room that keeps the gate's default texts tells its visitors in its language; a visitor whose client
 * declares English is told in English there; a keeper's own text keeps its words, its {@code {wait}} in the room's.
 */
class GateInFrenchTest {

    private static final String SALON = "salon@conference.example.org";
    private static final Question CIEL = new Question("De quelle couleur est un ciel clair ?", List.of("bleu"));
    private static final String NB = "\u00a0";

    private PluginTestKit kit;

    @AfterEach
    void closeKit() {
        kit.close();
    }

    private TestRoom start(GateConfig config) {
        kit = PluginTestKit.builder().plugin(new GatePlugin(), config).room(SALON).start();
        return kit.room(SALON).withLanguage(Locale.FRENCH).withTitle("Le Salon");
    }

    private static GateConfig defaults(Check check) {
        GateConfig d = GateConfig.defaults();
        return new GateConfig(check, Duration.ZERO, 3, List.of(CIEL), 200, 20, d.waitText(), d.questionText(),
                d.bothText(), d.answeredText(), d.passedText(), d.wrongText(), d.failedText(), Map.of());
    }

    @Test
    void theDefaultTextsAreInTheRoomsLanguage() {
        TestRoom salon = start(defaults(Check.QUESTION));
        salon.join(TestOccupant.nick("vera").role(Role.VISITOR).realJid("vera@example.org"));

        salon.sayPrivately("vera", "vert");
        salon.sayPrivately("vera", "bleu");

        assertThat(salon.botSaidPrivatelyTo("vera")).containsExactly(
                "Bienvenue dans Le Salon, vera. Pour parler ici, répondez à cette question en message privé" + NB
                        + ": De quelle couleur est un ciel clair ?",
                "Ce n’est pas la bonne réponse. Essais restants" + NB + ": 2.",
                "Merci, vera" + NB + ": vous pouvez maintenant parler dans Le Salon.");
        assertThat(salon.actions()).contains(new RoomAction.VoiceGranted("vera"));
    }

    @Test
    void aVisitorWhoDeclaresEnglishIsToldInEnglish() {
        TestRoom salon = start(defaults(Check.QUESTION));
        salon.declaresLanguage("walt", "en");
        salon.join(TestOccupant.nick("walt").role(Role.VISITOR).realJid("walt@example.org"));

        assertThat(salon.botSaidPrivatelyTo("walt")).containsExactly("Welcome to Le Salon, walt. To speak here, answer "
                + "this in a private message to me: De quelle couleur est un ciel clair ?");
    }

    @Test
    void aKeepersTextKeepsItsWordsAndWaitsInTheRoomsLanguage() {
        GateConfig d = GateConfig.defaults();
        TestRoom salon = start(new GateConfig(Check.WAIT, Duration.ofMinutes(5), 3, List.of(), 200, 20,
                "Patientez {wait}, {nick}.", d.questionText(), d.bothText(), d.answeredText(), d.passedText(),
                d.wrongText(), d.failedText(), Map.of()));

        salon.join(TestOccupant.nick("vera").role(Role.VISITOR).realJid("vera@example.org"));

        assertThat(salon.botSaidPrivatelyTo("vera")).singleElement().asString()
                .matches("Patientez 5[ \u00a0\u202f]minutes, vera\\.");
    }

    /** Issue 20: {@code !gate} answered the moderators of a French room in English. */
    @Test
    void theGateCommandAnswersInTheRoomsLanguage() {
        TestRoom salon = start(defaults(Check.QUESTION));
        salon.join(TestOccupant.nick("vera").role(Role.VISITOR).realJid("vera@example.org"));
        salon.join(TestOccupant.nick("mod").role(Role.MODERATOR));

        salon.say("mod", "!gate");
        salon.say("mod", "!gate let-in nobody");
        salon.say("mod", "!gate let-in vera");

        assertThat(salon.botSaid()).containsExactly(
                "Sas" + NB + ": les nouveaux venus répondent à une question (3 essais). En attente au sas" + NB
                        + ": 1. Depuis le démarrage du bot" + NB + ": 0 admis, 0 refusé.",
                "personne ne s’appelle nobody ici.",
                "vera peut parler maintenant.");
    }

    /**
     * Issue 20: the administrators' {@code gate/status} (XEP-0050) was English whatever their client asked: its name
     * and its answer now follow the request's language.
     */
    @Test
    void theAdministratorsGateStatusIsInTheRequestersLanguage() {
        TestRoom salon = start(defaults(Check.QUESTION));
        salon.join(TestOccupant.nick("vera").role(Role.VISITOR).realJid("vera@example.org"));
        org.majordome.api.admin.AdminCommand status = kit.adminCommand("gate/status").orElseThrow();

        org.majordome.api.admin.AdminResult result = status.run(new org.majordome.api.admin.AdminRequest(
                "admin@example.org", Map.of(), Locale.FRENCH));

        assertThat(status.name(Locale.FRENCH)).isEqualTo("Sas des nouveaux venus");
        assertThat(status.name()).isEqualTo("Newcomers' gates");
        assertThat(result.text()).startsWith(SALON + NB + ": Sas" + NB + ": les nouveaux venus répondent")
                .contains("En attente au sas" + NB + ": 1.");
    }
}
