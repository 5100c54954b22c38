package org.majordome.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The command line refuses a malformed configuration before it connects anywhere. */
class MajordomeCommandTest {

    @TempDir
    Path dir;

    private record Outcome(int exitCode, String out, String err) { }

    private Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Majordome());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int code = command.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void runWithAMalformedConfigReportsEveryProblemAndNeverConnects() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            server.configureBlocking(false);
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            Path config = dir.resolve("bot.yml");
            Files.writeString(config, """
                    connection:
                      jid: majordome@localhost
                      password: ${MAJORDOME_TEST_VARIABLE_THAT_IS_NEVER_SET}
                      host: 127.0.0.1
                      port: %d
                      tls: sometimes
                    rooms:
                      - jid: not a room
                        config:
                          persistent: yes please
                          colour: blue
                    """.formatted(port));

            Outcome outcome = run("run", "--config", config.toString());

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err())
                    .contains("5 problems in " + config)
                    .contains(config + ":3:13: connection.password")
                    .contains("MAJORDOME_TEST_VARIABLE_THAT_IS_NEVER_SET")
                    .contains(config + ":6:8: connection.tls")
                    .contains("rooms[0].jid")
                    .contains("rooms[0].config.persistent")
                    .contains("unknown key 'colour'");
            assertThat(server.accept()).as("a connection attempt to the configured server").isNull();
        }
    }

    @Test
    void checkConfigSaysValidOrExplainsWhyNot() throws IOException {
        Path good = dir.resolve("good.yml");
        Files.writeString(good, """
                connection:
                  jid: majordome@localhost
                  password: secret
                rooms:
                  - jid: lobby@conference.localhost
                """);
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, "connection: [not, a, mapping]\n");

        assertThat(run("check-config", "--config", good.toString()).exitCode()).isZero();
        assertThat(run("check-config", "--config", bad.toString()).exitCode()).isEqualTo(2);
        assertThat(run("check-config", "--config", dir.resolve("missing.yml").toString()).exitCode()).isEqualTo(2);
    }

    /**
     * Issue 20: check-config reported a French file's problems in English; it reports them in the file's
     * runtime.language (the locations written as in English), and in English when the file names none.
     */
    @Test
    void checkConfigReportsAFrenchFilesProblemsInFrench() throws IOException {
        Path french = dir.resolve("fr.yml");
        Files.writeString(french, """
                connection:
                  jid: majordome@localhost
                  password: secret
                  tls: sometimes
                runtime:
                  language: fr
                  reconcile-interval: [1, 2]
                rooms:
                  - jid: lobby@conference.localhost
                    config:
                      persistent: yes please
                """);
        Path english = dir.resolve("en.yml");
        Files.writeString(english, Files.readString(french).replace("  language: fr\n", ""));

        Outcome inFrench = run("check-config", "--config", french.toString());
        Outcome inEnglish = run("check-config", "--config", english.toString());

        assertThat(inFrench.exitCode()).isEqualTo(2);
        assertThat(inFrench.err()).contains("3 problèmes dans " + french + "\u00a0:")
                .contains(french + ":4:8: connection.tls: on attend l’une des valeurs suivantes\u00a0: ")
                .contains(french + ":7:23: runtime.reconcile-interval: on attend une durée positive, par exemple 500ms, "
                        + "30s, 5m, 1h30m, 1d ou PT1M, or la valeur est une liste")
                .contains(french + ":11:19: rooms[0].config.persistent: on attend un booléen (true ou false) "
                        + "(valeur donnée\u00a0: «\u00a0yes please\u00a0»)")
                .doesNotContain("expected");
        assertThat(inEnglish.err()).contains("3 problems in " + english + ":")
                .contains(english + ":10:19: rooms[0].config.persistent: expected a boolean (true or false), got "
                        + "'yes please'");
    }

    @Test
    void runWithAnUnknownPluginRefusesToStart() throws IOException {
        Path config = dir.resolve("plugins.yml");
        Files.writeString(config, """
                connection:
                  jid: majordome@localhost
                  password: secret
                  host: 127.0.0.1
                  port: 1
                runtime:
                  data-directory: data
                rooms:
                  - jid: lobby@conference.localhost
                    plugins: [no-such-plugin]
                """);

        Outcome outcome = run("run", "--config", config.toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("unknown plugin 'no-such-plugin'");
    }

    @Test
    void checkConfigAlsoChecksPluginsWithoutStartingThem() throws IOException {
        Path config = dir.resolve("plugins.yml");
        Files.writeString(config, """
                connection:
                  jid: majordome@localhost
                  password: secret
                rooms:
                  - jid: lobby@conference.localhost
                    plugins: [no-such-plugin]
                plugins:
                  typo-plugin: {}
                """);

        Outcome outcome = run("check-config", "--config", config.toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("unknown plugin 'no-such-plugin'").contains("plugins.typo-plugin");
        assertThat(dir.resolve("data")).as("nothing was started").doesNotExist();
    }

    @Test
    void checkConfigKnowsTheScriptsOfTheScriptsDirectory() throws IOException {
        Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(dir.resolve("scripts/hello.js"), "bot.log.info('hello');\n");
        Path config = dir.resolve("scripts.yml");
        Files.writeString(config, """
                connection:
                  jid: majordome@localhost
                  password: secret
                dispatch:
                  scripts-directory: %s
                rooms:
                  - jid: lobby@conference.localhost
                    plugins: [hello, scripts]
                plugins:
                  hello:
                    greeting: hi
                """.formatted(dir.resolve("scripts")));

        Outcome outcome = run("check-config", "--config", config.toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    }

    /** Issue 22 item 7: configuration that can never apply is a warning at its line and key, and the file is valid. */
    @Test
    void checkConfigWarnsAboutASectionThatCanNeverApplyAndStillSaysValid() throws IOException {
        Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(dir.resolve("scripts/hello.js"), "bot.log.info('hello');\n");
        Path config = dir.resolve("warned.yml");
        Files.writeString(config, """
                connection:
                  jid: majordome@localhost
                  password: secret
                dispatch:
                  scripts-directory: %s
                rooms:
                  - jid: lobby@conference.localhost
                plugins:
                  hello:
                    greeting: hi
                """.formatted(dir.resolve("scripts")));

        Outcome outcome = run("check-config", "--config", config.toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.err()).contains(config + ":9:3: warning: plugins.hello: plugin 'hello' is enabled in no room");
        assertThat(outcome.out()).contains(config + ": valid (").contains("with 1 warning");
    }

    /** Issue 20: a valid French file's report, its warnings and its web line were English. */
    @Test
    void checkConfigReportsAValidFrenchFileAndItsWarningsInFrench() throws IOException {
        Path config = dir.resolve("valide.yml");
        Files.writeString(config, """
                connection:
                  jid: majordome@localhost
                  password: secret
                runtime:
                  language: fr
                web:
                  port: 8080
                  chat:
                rooms:
                  - jid: lobby@conference.localhost
                """);

        Outcome outcome = run("check-config", "--config", config.toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.err()).contains(config + ":8:3: avertissement: web.chat: aucun salon n’a «\u00a0web-chat: "
                + "true\u00a0»\u00a0: la page de la messagerie web ne liste aucun salon");
        assertThat(outcome.out()).contains(config + "\u00a0: valide (majordome@localhost, 1 salon, plugins\u00a0: [")
                .contains("), avec 1 avertissement")
                .contains("web\u00a0: http://127.0.0.1:8080/, messagerie web sur /chat/ sans aucun salon")
                .doesNotContain("valid (", "warning");
    }

    @Test
    void checkConfigSaysWhereTheWebServerListensAndWhichRoomsItsChatLists() throws IOException {
        Path config = dir.resolve("web.yml");
        Files.writeString(config, """
                connection:
                  jid: majordome@localhost
                  password: secret
                web:
                  port: 8080
                  trusted-proxies: [127.0.0.1]
                  chat:
                rooms:
                  - jid: lobby@conference.localhost
                    web-chat: true
                  - jid: staff@conference.localhost
                """);

        Outcome outcome = run("check-config", "--config", config.toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("web: http://127.0.0.1:8080/, trusted proxies 127.0.0.1, web chat at /chat/ "
                + "listing lobby@conference.localhost");
    }
}
