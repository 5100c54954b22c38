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
}
