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
import org.majordome.plugins.testsupport.BotProcess;
import org.majordome.testing.ProsodyExtension;
import org.majordome.testing.ProsodyServer;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;

/**
 * The bot process is killed (SIGKILL, as a crash or the OOM killer does) while temporary bans are pending, and
 * started again: each ban is lifted exactly once (the persistent jobs of the moderation plugin survive the
 * crash, and a job that came due while the bot was down runs once on start).
 */
class BotCrashIT {

    @RegisterExtension
    static final ProsodyExtension prosody = new ProsodyExtension(ProsodyServer.builder());

    @TempDir
    Path work;

    @Test
    void temporaryBansPendingAtACrashAreLiftedExactlyOnce(TestClients clients) throws IOException {
        ProsodyServer server = prosody.server();
        EntityBareJid room = server.uniqueRoom("crash-bans");
        int healthPort = freePort();
        Path config = BotProcess.writeConfig(server, work, work.resolve("data"), healthPort, Duration.ofSeconds(60),
                BotProcess.rooms(List.of(room), "core", "moderation") + """
                        plugins:
                          moderation:
                            default-ban: 8s
                            words: {words: [forbidden], action: ban}
                        """);
        try (BotProcess bot = BotProcess.start(config, healthPort)) {
            await().atMost(Duration.ofSeconds(60)).until(bot::ready);
            List<String> offenders = List.of("offender1", "offender2");
            for (String user : offenders) {
                XmppTestClient offender = clients.connect(user);
                offender.join(room, user);
                offender.say(room, "a forbidden word");
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> count(bot.logText(), "Case #\\d+: .* → ban") == 2);
            bot.kill();
        }
        try (BotProcess restarted = BotProcess.start(config, healthPort)) {
            await().atMost(Duration.ofSeconds(60)).until(restarted::ready);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(restarted.logText(), "Ban of case #\\d+ ended") >= 2);
            // Nothing fires a second time.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
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
