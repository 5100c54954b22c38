package org.majordome.plugins.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.plugins.testsupport.BotProcess;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppServer;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * The bot process is killed (SIGKILL, as a crash or the OOM killer does) while temporary bans are pending, and
 * started again: each ban is lifted exactly once (the persistent jobs of the moderation plugin survive the
 * crash, and a job that came due while the bot was down runs once on start); and killed at the worst moment,
 * right after the server confirmed a ban, it still lifts that ban exactly once. On Prosody and ejabberd: the bot
 * runs as users run it, from a configuration file in its own JVM.
 */
@Proves(Feature.MODERATION_ACTIONS)
@ClassTemplate
class BotCrashIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    @TempDir
    Path work;

    @Test
    void temporaryBansPendingAtACrashAreLiftedExactlyOnce(TestClients clients) throws IOException {
        XmppServer server = servers.server();
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
            // Both in first, then both speak: the bans start together, so that the 8 s of the first do not run out
            // while a loaded machine connects the second (its end would then be logged before the crash).
            List<XmppTestClient> inRoom = new java.util.ArrayList<>();
            for (String user : offenders) {
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
            // Nothing fires a second time.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(60))
                    .until(() -> count(restarted.logText(), "Ban of case #\\d+ ended") == 2);
            assertThat(count(restarted.logText(), "Ban of case #1 ended")).isEqualTo(1);
            assertThat(count(restarted.logText(), "Ban of case #2 ended")).isEqualTo(1);
            XmppTestClient again = clients.connectExisting("offender1", TestClients.passwordOf("offender1"),
                    TestClients.Transport.PLAIN);
            again.join(room, "offender1"); // throws if still banned (forbidden)
        }
    }

    /**
     * Issue 13 item 3, "no crash window": a ban used to be carried out before its case and the job that ends it
     * were stored, so a bot killed right after the ban left it in place for good. The bot now halts (as
     * {@code kill -9} would) the moment the server confirms the ban, before it does anything else; started again,
     * it finds the ban on the room's ban list (XEP-0045 §9.5) and lifts it exactly once, at its time.
     */
    @Test
    void aBanWhoseBotWasKilledRightAfterTheBanIqStillEndsExactlyOnce(TestClients clients) throws IOException {
        XmppServer server = servers.server();
        EntityBareJid room = server.uniqueRoom("crash-window");
        int healthPort = freePort();
        Path config = BotProcess.writeConfig(server, work, work.resolve("data"), healthPort, Duration.ofSeconds(60),
                BotProcess.rooms(List.of(room), "core", "moderation") + """
                        plugins:
                          moderation:
                            default-ban: 25s
                            words: {words: [forbidden], action: ban}
                        """);
        BotProcess bot = BotProcess.start(config, healthPort, "-Dmajordome.test.halt-after-sanction=ban");
        try {
            await().atMost(Duration.ofSeconds(60)).until(bot::ready);
            XmppTestClient offender = clients.connect("offender3");
            offender.join(room, "offender3");
            offender.say(room, "a forbidden word");
            await().atMost(Duration.ofSeconds(60)).until(() -> !bot.isAlive());
        } finally {
            bot.close();
        }
        assertThat(bot.logText()).doesNotContain("Ban of case");
        XmppTestClient stillBanned = clients.connectExisting("offender3", TestClients.passwordOf("offender3"),
                TestClients.Transport.PLAIN);
        assertThatThrownBy(() -> stillBanned.join(room, "offender3")).as("the ban reached the server")
                .hasMessageContaining("forbidden");

        try (BotProcess restarted = BotProcess.start(config, healthPort)) {
            await().atMost(Duration.ofSeconds(60)).until(restarted::ready);
            await().atMost(Duration.ofSeconds(60)).until(() -> count(restarted.logText(), "Ban of case #1 ended") >= 1);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(60))
                    .until(() -> count(restarted.logText(), "Ban of case #\\d+ ended") == 1);
            assertThat(restarted.logText()).contains("Case #1: the ban 25s is in force");
            XmppTestClient again = clients.connectExisting("offender3", TestClients.passwordOf("offender3"),
                    TestClients.Transport.PLAIN);
            again.join(room, "offender3"); // throws if still banned (forbidden)
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
