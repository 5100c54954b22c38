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
