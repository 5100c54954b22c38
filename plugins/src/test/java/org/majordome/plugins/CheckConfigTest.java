package org.majordome.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.app.Majordome;

import picocli.CommandLine;

/**
 * {@code check-config} with the shipped plugins: values their records refused only when the plugin started
 * (a cron expression, a template) are reported with the file's other problems, at their line and key.
 */
class CheckConfigTest {

    @TempDir
    Path dir;

    private record Outcome(int exitCode, String out, String err) {
    }

    private Outcome checkConfig(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("bot.yml"), yaml);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Majordome());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int code = command.execute("check-config", "--config", file.toString());
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void anInvalidTopicCronPassedCheckConfigAndSilencedTheBotAtReload() throws IOException {
        Outcome outcome = checkConfig("""
                connection:
                  jid: majordome@localhost
                  password: secret
                rooms:
                  - jid: lobby@conference.localhost
                    plugins: [core, topic]
                plugins:
                  topic:
                    subjects: ["Welcome"]
                    schedule: "every day at 8"
                """);

        assertThat(outcome.exitCode()).isEqualTo(Majordome.INVALID);
        assertThat(outcome.err()).contains("bot.yml:10:15: plugins.topic.schedule: 'every day at 8' is not a Quartz cron")
                .doesNotContain("Exception", "\tat ");
    }

    /** Issue 20: a keeper's text with other placeholders than the shipped one's, and a language the bot lacks. */
    @Test
    void aReplacedTextWithOtherPlaceholdersAndAnUnknownLanguageAreReportedAtTheirLines() throws IOException {
        Outcome outcome = checkConfig("""
                connection:
                  jid: majordome@localhost
                  password: secret
                rooms:
                  - jid: salon@conference.localhost
                    plugins: [core, moderation]
                    language: fr
                    texts:
                      core:
                        rooms.header: "Salons : {0}"
                        pong: "Présent !"
                      moderation:
                        no-occupant: "Personne ici ne s’appelle {nick}."
                  - jid: lobby@conference.localhost
                    language: es
                """);

        assertThat(outcome.exitCode()).isEqualTo(Majordome.INVALID);
        assertThat(outcome.err())
                .contains("bot.yml:10:23: rooms[0].texts.core.rooms.header: its placeholders {0} do not match those of "
                        + "the text it replaces, {0}, {1}")
                .contains("bot.yml:13:22: rooms[0].texts.moderation.no-occupant: its placeholders {nick} do not match")
                .contains("bot.yml:15:15: rooms[1].language: expected a language the bot speaks: en, fr, got 'es'")
                .doesNotContain("texts.core.pong");
    }

    @Test
    void everyValueAShippedPluginRefusedAtStartIsReportedAtOnceWithItsLineAndKey() throws IOException {
        Outcome outcome = checkConfig("""
                connection:
                  jid: majordome@localhost
                  password: secret
                rooms:
                  - jid: lobby@conference.localhost
                    plugins: [core, topic, notices, calendar, welcome, moderation]
                plugins:
                  topic:
                    rooms:
                      lobby@conference.localhost:
                        schedule: "0 0 25 * * ?"
                  notices:
                    notices:
                      - name: tip
                        text: "A tip"
                        schedule: "mondays"
                  calendar:
                    daily-agenda: "at eight"
                  welcome:
                    first-time: "Hello {nik}!"
                  moderation:
                    words:
                      patterns: ["(unclosed"]
                """);

        assertThat(outcome.exitCode()).isEqualTo(Majordome.INVALID);
        assertThat(outcome.err()).startsWith("5 problems in ")
                .contains(":11:19: plugins.topic.rooms.lobby@conference.localhost.schedule: '0 0 25 * * ?'")
                .contains(":16:19: plugins.notices.notices[0].schedule: notice 'tip': 'mondays' is not")
                .contains(":18:19: plugins.calendar.daily-agenda: 'at eight' is not")
                .contains(":20:17: plugins.welcome.first-time: unknown placeholder {nik}")
                .contains(":23:17: plugins.moderation.words.patterns: invalid pattern '(unclosed'")
                .doesNotContain("Exception");
    }

    /** A file of a French bot, whose shipped plugins' records refuse four values. */
    private static final String REFUSED_VALUES = """
            connection:
              jid: majordome@localhost
              password: secret
            runtime:
              language: fr
            rooms:
              - jid: salon@conference.localhost
                plugins: [core, notices, welcome, moderation]
            plugins:
              notices:
                notices:
                  - name: astuce
                    text: "  "
                    schedule: "0 0 8 * * ?"
              welcome:
                flood-joins: 0
              moderation:
                words:
                  patterns: ["(unclosed"]
                caps:
                  max-ratio: 1.5
            """;

    /** Issue 20: the shipped plugins' records refused values in English in a French file's report. */
    @Test
    void aShippedPluginsRefusalWasEnglishInAFrenchFilesReport() throws IOException {
        Outcome outcome = checkConfig(REFUSED_VALUES);

        assertThat(outcome.exitCode()).isEqualTo(Majordome.INVALID);
        assertThat(outcome.err()).startsWith("4 problèmes dans ")
                .contains(":13:15: plugins.notices.notices[0].text: annonce «\u00a0astuce\u00a0»\u00a0: le texte ne doit "
                        + "pas être vide")
                .contains(":16:18: plugins.welcome.flood-joins: doit valoir au moins 1, et non 0")
                .contains(":19:17: plugins.moderation.words.patterns: motif invalide «\u00a0(unclosed\u00a0»\u00a0: ")
                .contains(":21:18: plugins.moderation.caps.max-ratio: doit être supérieur à 0 et au plus égal à 1, et "
                        + "non 1,5")
                .doesNotContain("must", "Exception");
    }

    /** The same file without its language: the same refusals, in English as before. */
    @Test
    void aShippedPluginsRefusalIsEnglishInAnEnglishFilesReport() throws IOException {
        Outcome outcome = checkConfig(REFUSED_VALUES.replace("runtime:\n  language: fr\n", ""));

        assertThat(outcome.exitCode()).isEqualTo(Majordome.INVALID);
        assertThat(outcome.err()).startsWith("4 problems in ")
                .contains(":11:15: plugins.notices.notices[0].text: notice 'astuce': text must not be empty")
                .contains(":14:18: plugins.welcome.flood-joins: must be 1 or more, was 0")
                .contains(":17:17: plugins.moderation.words.patterns: invalid pattern '(unclosed': ")
                .contains(":19:18: plugins.moderation.caps.max-ratio: must be in (0, 1], was 1.5")
                .doesNotContain("doit", "Exception");
    }
}
