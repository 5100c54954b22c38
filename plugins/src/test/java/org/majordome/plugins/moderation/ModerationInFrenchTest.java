package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.Role;
import org.majordome.api.text.Texts;
import org.majordome.api.text.Wording;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;
import org.majordome.text.SenderLanguages;
import org.majordome.text.TextService;
import org.majordome.text.TextSettings;

/**
 * Issue 20: the moderation plugin's main paths in a French room: the moderators' answers, the warnings and notices
 * offenders read, {@code !case}/{@code !cases}, lockdowns, appeals; and an English-speaking moderator there reads
 * private answers in English. Durations in French words, times in the room's zone, French typography (a no-break
 * space before {@code : ; ! ?}). Spaces inside a duration ({@code 1 minute}) are CLDR's, matched loosely.
 */
class ModerationInFrenchTest {

    private static final String SALON = "salon@conference.example.org";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String NB = "\u00a0";
    /** The space CLDR puts between a number and its unit. */
    private static final String UNIT_SPACE = "[ \u00a0\u202f]";

    private PluginTestKit kit;
    private TestRoom room;

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    private TestRoom start() {
        kit = PluginTestKit.builder().plugin(new ModerationPlugin(), ModerationConfig.defaults()).room(SALON).start();
        kit.clock().set(Instant.now());
        room = kit.room(SALON).withLanguage(Locale.FRENCH).withTimeZone(PARIS).withTitle("Le Salon");
        room.join(TestOccupant.nick("user2").role(Role.PARTICIPANT).realJid("user2@example.org").occupantId("user2-id"));
        room.join("boss", Role.MODERATOR, Affiliation.OWNER);
        return room;
    }

    private String lastSeen() {
        return room.botSaidAsSeen().getLast();
    }

    @Test
    void aMuteIsAnsweredAndNotifiedInFrench() {
        start().say("boss", "!mute user2 1m trop bruyant");

        assertThat(lastSeen()).matches("boss: user2" + NB + ": parole retirée pendant 1" + UNIT_SPACE
                + "minute \\(dossier n°" + NB + "1\\), motif" + NB + ": trop bruyant");
        assertThat(room.botSaidPrivatelyTo("user2")).anySatisfy(text -> assertThat(text).matches(
                "Vous n’avez plus la parole dans Le Salon pendant 1" + UNIT_SPACE + "minute" + NB
                        + ": trop bruyant \\(dossier n°" + NB + "1\\)\\."));
        assertThat(kit.directChat().sentTo("user2@example.org")).singleElement().asString()
                .startsWith("Vous n’avez plus la parole dans le salon Le Salon (dossier n°" + NB + "1). Si vous pensez")
                .contains("!appeal 1 <motif>");
    }

    /** What the rules found is said in French too; the case keeps it in English, as the log does. */
    @Test
    void anAutomaticWarningSaysWhatTheRuleFoundInFrench() {
        start();
        String[] texts = {"un", "deux", "trois", "quatre", "cinq", "six", "sept"};
        for (String text : texts) {
            room.say("user2", text);
            kit.clock().advance(java.time.Duration.ofMillis(200));
        }

        assertThat(room.botSaid()).singleElement().asString().matches(
                "user2, veuillez arrêter" + NB + ": flood: 7 messages en 4" + UNIT_SPACE + "secondes\\.");
        room.say("boss", "!cases");
        assertThat(room.botSaidPrivatelyTo("boss").getLast()).endsWith("user2" + NB + ": flood → avertissement");
    }

    @Test
    void aWarningAndItsCaseAreInFrench() {
        start().say("boss", "!warn user2 soyez poli");

        assertThat(room.botSaidAsSeen()).containsExactly("user2, avertissement des modérateurs" + NB + ": soyez poli",
                "boss: user2" + NB + ": avertissement (dossier n°" + NB + "1), motif" + NB + ": soyez poli");
    }

    @Test
    void casesAreListedInFrenchWithFrenchDates() {
        start();
        kit.clock().set(Instant.parse("2026-12-06T22:01:46Z"));
        room.say("boss", "!warn user2 soyez poli");

        room.say("boss", "!cases");
        room.say("boss", "!case 1");
        room.say("boss", "!case 9");

        assertThat(room.botSaidPrivatelyTo("boss")).hasSize(3);
        assertThat(room.botSaidPrivatelyTo("boss").get(0))
                .matches("n°" + NB + "1 6 décembre 2026 à 23:01 \\S+ user2" + NB + ": manual → avertissement");
        assertThat(room.botSaidPrivatelyTo("boss").get(1)).startsWith("Dossier n°" + NB + "1 dans " + SALON + NB + ": user2")
                .contains(" — par boss le 6 décembre 2026 à 23:01 ");
        assertThat(room.botSaidPrivatelyTo("boss").get(2)).isEqualTo("Aucun dossier n°" + NB + "9 dans ce salon.");
    }

    @Test
    void anEnglishSpeakingModeratorReadsPrivateAnswersInEnglish() {
        start();
        room.declaresLanguage("boss", "en");
        kit.clock().set(Instant.parse("2026-12-06T22:01:46Z"));
        room.say("boss", "!warn user2 be nice");

        room.say("boss", "!cases");

        assertThat(lastSeen()).as("the room reads French").startsWith("boss: user2" + NB + ": avertissement");
        assertThat(room.botSaidPrivatelyTo("boss").getLast()).isEqualTo("#1 2026-12-06 23:01 CET user2: manual → warn");
    }

    @Test
    void aLockdownIsAnnouncedInFrench() {
        start().say("boss", "!lockdown 1h");
        assertThat(lastSeen()).matches("Verrouillage" + NB + ": à la demande de boss\\. Les nouveaux venus ne peuvent pas "
                + "parler jusqu’au \\d{1,2} \\S+ \\d{4} à \\d\\d:\\d\\d \\S+ ou jusqu’à !unlock\\.");

        room.say("boss", "!unlock");
        assertThat(lastSeen()).isEqualTo("Verrouillage levé" + NB + ": à la demande de boss.");
    }

    @Test
    void anAppealIsFiledInFrenchAndTheModeratorsAreToldInFrench() {
        start().say("boss", "!kick user2 insultes");
        kit.directChat().declaresLanguage("user2@example.org/pc", "fr");
        kit.directChat().receive("user2@example.org/pc", "!appeal 1 je citais quelqu’un");

        assertThat(kit.directChat().sentTo("user2@example.org").getLast()).isEqualTo(
                "Votre appel du dossier n°" + NB + "1 a été transmis aux modérateurs du salon Le Salon" + NB
                        + "; leur décision vous sera communiquée.");
        assertThat(room.botSaidPrivatelyTo("boss").getLast()).startsWith(
                "Appel du dossier n°" + NB + "1 dans Le Salon par user2 (user2@example.org), expulsion" + NB + ": ")
                .endsWith(NB + ": je citais quelqu’un — répondez par !appeal accept|reject salon#1 [motif]");
    }

    @Test
    void unknownOccupantsAndUsageAreAnsweredInFrench() {
        start().say("boss", "!kick personne");
        assertThat(lastSeen()).isEqualTo("boss: Personne ne porte le pseudo personne ici.");

        room.say("boss", "!help kick");
        assertThat(lastSeen()).isEqualTo("boss: !kick <pseudo> [motif] — Expulse un occupant du salon. "
                + "Réservé aux modérateurs.");
    }

    /**
     * Issue 20: the cases' actions were shown as their English codes and the notes of a fallback were English in a
     * French room. The stored code stays English (and English readers see it as it is); the French reader sees it
     * in words.
     */
    @Test
    void theCasesActionsAreShownInFrenchAndTheirStoredCodesStayEnglish() {
        Wording french = moderationTexts().inLanguage(Locale.FRENCH);
        Wording english = moderationTexts().inLanguage(Locale.ENGLISH);

        assertThat(CaseActions.shown(french, "remove+mute 10m")).matches("message retiré \\+ parole retirée pendant 10"
                + UNIT_SPACE + "minutes");
        assertThat(CaseActions.shown(french, "refused: ban")).isEqualTo("sanction refusée par le salon" + NB
                + ": bannissement définitif");
        assertThat(CaseActions.shown(french, "mute 1h30m (pending)")).matches("parole retirée pendant 1" + UNIT_SPACE
                + "heure et 30" + UNIT_SPACE + "minutes \\(en attente de la réponse du salon\\)");
        assertThat(CaseActions.shown(french, "would have: remove+kick")).isEqualTo("simulation, sanction prévue" + NB
                + ": message retiré + expulsion");
        assertThat(CaseActions.shown(french, "unmute refused (forbidden)")).isEqualTo("unmute refused (forbidden)");
        assertThat(CaseActions.shown(english, "remove+mute 10m")).isEqualTo("remove+mute 10m");
    }

    /** Issue 20: a ban the room could not do fell back to a kick, and the note saying so was English. */
    @Test
    void aFallbacksNoteIsInTheRoomsLanguage() throws Exception {
        start();
        Wording french = moderationTexts().inLanguage(Locale.FRENCH);
        Enforcer.Plan plan = new Enforcer.Plan(ModerationConfig.Sanction.BAN, Duration.ZERO, List.of(), "spam", "",
                Optional.empty(), false, List.of(new ModerationConfig.Rung(5, ModerationConfig.Sanction.KICK,
                Duration.ZERO, false)), (sanction, duration) -> "spam", french);

        Enforcer.Outcome outcome = Enforcer.apply(room.handle(), new Offender("nick:user2", "user2", Optional.empty(),
                Optional.empty()), plan).toCompletableFuture().get();

        assertThat(outcome.applied()).contains(ModerationConfig.Sanction.KICK);
        assertThat(outcome.done()).isEqualTo("kick");
        assertThat(outcome.fallback()).isEqualTo("bannissement" + NB + ": action non prise en charge (le JID réel n’est "
                + "pas connu)" + NB + "; expulsion à la place");
    }

    private static Texts moderationTexts() {
        return new TextService(TextSettings.english(PARIS), new SenderLanguages(), plugin -> Optional.empty())
                .forPlugin(new ModerationPlugin());
    }
}
