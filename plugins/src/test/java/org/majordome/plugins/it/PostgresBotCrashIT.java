package org.majordome.plugins.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.config.DatabaseConnection;
import org.majordome.plugins.testsupport.BotProcess;
import org.majordome.testing.PostgresExtension;
import org.majordome.testing.ProsodyExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppServer;
import org.majordome.testing.XmppTestClient;

/**
 * {@link BotCrashIT}'s first scenario with the bot's state on a real PostgreSQL ({@code runtime.database} in the
 * configuration file, as an operator writes it): the bot process is killed (SIGKILL) while temporary bans are
 * pending; started again, it reads the moderation cases and their pending sanctions back from PostgreSQL and lifts
 * each ban exactly once.
 *
 * <p>On Prosody only: what this class varies is the database; the scenario runs on both XMPP servers with the
 * embedded database in {@link BotCrashIT}.
 */
class PostgresBotCrashIT {

    @RegisterExtension
    static final ProsodyExtension prosody = new ProsodyExtension();

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @TempDir
    Path work;

    @Test
    void temporaryBansPendingAtACrashAreLiftedExactlyOnceOnPostgreSql(TestClients clients) throws IOException {
        XmppServer server = prosody.server();
        DatabaseConnection database = postgres.database();
        EntityBareJid room = server.uniqueRoom("pg-crash-bans");
        int healthPort = freePort();
        Path config = BotProcess.writeConfig(server, work, work.resolve("data"), healthPort, Duration.ofSeconds(60),
                """
                          database:
                            url: %s
                            user: %s
                        """.formatted(database.jdbcUrl(), database.user()),
                BotProcess.rooms(List.of(room), "core", "moderation") + """
                        plugins:
                          moderation:
                            default-ban: 8s
                            words: {words: [forbidden], action: ban}
                        """);
        try (BotProcess bot = BotProcess.start(config, healthPort)) {
            await().atMost(Duration.ofSeconds(60)).until(bot::ready);
            assertThat(bot.logText()).contains(database.jdbcUrl() + " (PostgreSQL)");
            // Both in first, then both speak: the bans start together, so that the 8 s of the first do not run out
            // while a loaded machine connects the second (its end would then be logged before the crash).
            List<XmppTestClient> inRoom = new java.util.ArrayList<>();
            for (String user : List.of("offender1", "offender2")) {
                XmppTestClient offender = clients.connect(user);
                offender.join(room, user);
                inRoom.add(offender);
            }
            // Each in words of their own: the same text from two occupants would look like a raid.
            inRoom.forEach(offender -> offender.say(room, "a forbidden word from " + offender.bareJid().getLocalpart()));
            await().atMost(Duration.ofSeconds(60)).until(() -> count(bot.logText(), "Case #\\d+: .* → ban") == 2);
            bot.kill();
        }
        try (BotProcess restarted = BotProcess.start(config, healthPort)) {
            await().atMost(Duration.ofSeconds(60)).until(restarted::ready);
            await().atMost(Duration.ofSeconds(60)).until(() -> count(restarted.logText(), "Ban of case #\\d+ ended") >= 2);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(60))
                    .until(() -> count(restarted.logText(), "Ban of case #\\d+ ended") == 2);
            assertThat(count(restarted.logText(), "Ban of case #1 ended")).isEqualTo(1);
            assertThat(count(restarted.logText(), "Ban of case #2 ended")).isEqualTo(1);
            XmppTestClient again = clients.connectExisting("offender1", TestClients.passwordOf("offender1"),
                    TestClients.Transport.PLAIN);
            again.join(room, "offender1"); // throws if still banned (forbidden)
        }
    }

    private static long count(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
