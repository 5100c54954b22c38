package org.majordome.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.majordome.api.admin.AdminResult;
import org.majordome.api.text.Wording;
import org.majordome.text.Phrase;
import org.majordome.text.TextService;

/**
 * Issue 20: what a reload changed ("joining ...", "needs a restart: ...") was English in a French administrator's
 * ad-hoc answer and on a French operator's console; it is worded in the reader's language, the log keeps English.
 */
class ReloadReportLanguageTest {

    private static final Wording FRENCH = TextService.runtimeWording(Locale.FRENCH, ZoneOffset.UTC);
    private static final Wording ENGLISH = TextService.runtimeWording(Locale.ENGLISH, ZoneOffset.UTC);

    private static final ConfigReloader.Applied APPLIED = new ConfigReloader.Applied(List.of(
            Phrase.of("reload.change.joining", "new@conference.example.org"),
            Phrase.of("reload.change.left", "old@conference.example.org"),
            Phrase.of("reload.change.plugins-restarted")),
            List.of(Phrase.of("reload.warning.needs-restart", "runtime.reconcile-interval")));

    @Test
    void theAdHocReloadAnswerListsTheChangesInTheRequestersLanguage() {
        AdminResult french = RuntimeConfiguration.describe(APPLIED, FRENCH);
        AdminResult english = RuntimeConfiguration.describe(APPLIED, ENGLISH);

        assertThat(french.text()).isEqualTo("Configuration relue\u00a0: entrée dans new@conference.example.org, "
                + "départ de old@conference.example.org, redémarrage des plugins\n"
                + "ne s’applique qu’au redémarrage\u00a0: runtime.reconcile-interval");
        assertThat(english.text()).isEqualTo("Reloaded: joining new@conference.example.org, left "
                + "old@conference.example.org, plugins restarted\nneeds a restart: runtime.reconcile-interval");
        assertThat(RuntimeConfiguration.describe(new ConfigReloader.Applied(List.of(), List.of()), FRENCH).text())
                .isEqualTo("Configuration relue\u00a0: aucun changement");
    }

    @Test
    void theConsolesReloadReportIsInTheOperatorsLanguage() {
        ConfigReloader.Applied wouldChange = new ConfigReloader.Applied(List.of(
                Phrase.of("reload.check.join", "new@conference.example.org"), Phrase.of("reload.check.admins")),
                List.of());

        assertThat(ConsoleConfiguration.report(wouldChange, FRENCH).lines()).containsExactly(
                "le bot rejoindrait new@conference.example.org", "les administrateurs du bot changeraient");
        assertThat(ConsoleConfiguration.report(APPLIED, FRENCH).lines()).contains("entrée dans new@conference.example.org");
        assertThat(ConsoleConfiguration.report(wouldChange, ENGLISH).lines()).containsExactly(
                "would join new@conference.example.org", "bot admins would change");
    }

    /** Issue 20: a rejected file's problems were English in a French administrator's answer and operator's page. */
    @Test
    void aRejectedFilesProblemsAreInTheReadersLanguageAndTheLocationIsWrittenTheSame() {
        ConfigReloader.Rejected rejected = new ConfigReloader.Rejected(List.of(new org.majordome.config.ConfigProblem(
                java.nio.file.Path.of("bot.yml"), 11, 19, "rooms[0].config.persistent", "yes please",
                Phrase.of("config.problem.expected", Phrase.of("config.expected.boolean")))));

        assertThat(RuntimeConfiguration.describe(rejected, FRENCH).text()).isEqualTo("Le fichier a été refusé\u00a0; "
                + "rien n’a changé.\nbot.yml:11:19: rooms[0].config.persistent: on attend un booléen (true ou false) "
                + "(valeur donnée\u00a0: «\u00a0yes please\u00a0»)");
        assertThat(ConsoleConfiguration.report(rejected, ENGLISH).lines()).containsExactly(
                "bot.yml:11:19: rooms[0].config.persistent: expected a boolean (true or false), got 'yes please'");
        assertThat(rejected.problems()).containsExactly(
                "bot.yml:11:19: rooms[0].config.persistent: expected a boolean (true or false), got 'yes please'");
    }

    @Test
    void theLogKeepsEnglish() {
        assertThat(APPLIED.changes()).map(Phrase::toString).containsExactly("joining new@conference.example.org",
                "left old@conference.example.org", "plugins restarted");
    }
}
