package org.majordome.plugins.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * The welcome plugin in the real bot against a real Prosody and ejabberd, for the user scenario "a newcomer is
 * always greeted" (XEP-0045 §7.2: the occupants' presences the bot receives before its own, status 110, are its
 * join snapshot; a presence after that is someone entering).
 */
@Proves(Feature.WELCOME)
@ClassTemplate
class WelcomeIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    @TempDir
    Path data;

    private BotUnderTest startBot(EntityBareJid room) {
        return BotUnderTest.builder(servers.server()).room(room, "welcome").dataDirectory(data)
                .pluginConfig("welcome", """
                        first-time: "First time here, {nick}?"
                        """).start();
    }

    /**
     * Issue 13 item 7: someone who entered within {@code settle-after-join} (2 s) of the bot's own join got no
     * greeting, and was recorded as seen, so they were never greeted as a first-time visitor. The bot comes back
     * to its persistent room (a restart) where bob entered while it was away: bob is in its join snapshot and is
     * not greeted; alice enters right after the bot and is.
     */
    @Test
    void aClientJoiningRightAfterTheBotsOwnJoinIsGreeted(TestClients clients) {
        EntityBareJid room = servers.server().uniqueRoom("welcome-early");
        try (BotUnderTest first = startBot(room)) {
            first.awaitJoined(room);
            // Until the bot has configured it, the new room is locked (and would vanish when the bot leaves).
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> clients.roomInfo(room).persistent());
        }
        XmppTestClient bob = clients.connect("bob");
        bob.join(room, "bob");
        XmppTestClient alice = clients.connect("alice");

        try (BotUnderTest second = startBot(room)) {
            second.awaitJoined(room);
            alice.join(room, "alice");

            alice.awaitBodyFrom(room, "First time here, alice?");
            // Bob, in the room all along, hears whatever the bot said since its join, in order: a greeting of his own
            // would have come before Alice's (Alice, entering later without history, could not have seen it).
            bob.awaitBodyFrom(room, "First time here, alice?");
            assertThat(bob.bodiesFrom(room)).as("bob was there before the bot: not news").noneMatch(
                    body -> body.contains("bob") || body.contains("newcomers"));
        }
    }
}
