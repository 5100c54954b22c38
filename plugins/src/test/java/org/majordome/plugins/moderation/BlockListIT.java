package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jivesoftware.smackx.pubsub.AccessModel;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.room.RoomHandle;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.TestPubSub;
import org.majordome.testing.XmppServer;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * Real-time block lists (issue 17 items 1 and 2) with real clients on both servers: a list's maintainer publishes
 * and retracts SHA-256 hashes on a XEP-0060 node (§7.1, §7.2) of the server's pubsub service; the bot, owner of
 * its room and so seeing real JIDs (XEP-0045 §7.2.4), bans (§9.1) or kicks (§8.2) whom the list names, on join
 * and at once for those present; after a server restart it follows the list again (subscribed anew, §6.1). And
 * the list the bot publishes: a node it creates (§8.1) where a moderator's ban appears and {@code !unban} retracts it.
 */
@Proves(Feature.BLOCK_LISTS)
@ClassTemplate
class BlockListIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(
            ServerSettings.defaults().pubsubOwners("lister", BotUnderTest.ACCOUNT));

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path data;

    private static String hashOf(String address) {
        return FingerprintSet.itemIdOf(address);
    }

    private static String jid(String user) {
        return user + "@" + XmppServer.DOMAIN;
    }

    private static String uniqueNode() {
        return "bans_" + Long.toHexString(System.nanoTime());
    }

    private BotUnderTest startBot(EntityBareJid room, String node, String action) {
        BotUnderTest bot = BotUnderTest.builder(servers.server()).room(room, "moderation").dataDirectory(data)
                .pluginConfig("moderation", """
                        blocklists:
                          - service: %s
                            node: %s
                            action: %s
                        """.formatted(servers.server().pubsubService(), node, action)).start();
        bot.awaitJoined(room);
        await().atMost(WAIT).until(() -> bot.status(room).ready());
        return bot;
    }

    private static List<String> banned(BotUnderTest bot, EntityBareJid room) throws Exception {
        RoomHandle handle = bot.bot().rooms().room(room.toString()).orElseThrow();
        return handle.banList().toCompletableFuture().get().orElse(List.of());
    }

    /** Whether the bot sees the nick in the room. */
    private static boolean present(BotUnderTest bot, EntityBareJid room, String nick) {
        return bot.bot().rooms().room(room.toString()).orElseThrow().occupant(nick).isPresent();
    }

    @Test
    void aListedJoinerIsBannedAtOnceAndAPresentOccupantWhenTheirHashIsPublished(TestClients clients) throws Exception {
        XmppServer server = servers.server();
        EntityBareJid room = server.uniqueRoom("rtbl");
        String node = uniqueNode();
        TestPubSub lister = TestPubSub.of(clients.connect("lister"), server);
        lister.createNode(node, AccessModel.open);
        lister.publish(node, hashOf(jid("mallory")));
        try (BotUnderTest bot = startBot(room, node, "ban")) {
            clients.connect("alice").join(room, "alice");
            clients.connect("bystander").join(room, "bystander");
            await("alice and the bystander seen").atMost(WAIT)
                    .until(() -> present(bot, room, "alice") && present(bot, room, "bystander"));

            clients.connect("mallory").join(room, "mallory");

            await("mallory banned").atMost(WAIT).untilAsserted(() -> assertThat(banned(bot, room)).contains(jid("mallory")));
            await("mallory gone").atMost(WAIT).until(() -> !present(bot, room, "mallory"));

            lister.publish(node, hashOf(jid("alice")));

            await("alice removed once her hash is published").atMost(WAIT).until(() -> !present(bot, room, "alice"));
            assertThat(banned(bot, room)).contains(jid("alice")).doesNotContain(jid("bystander"));
            assertThat(present(bot, room, "bystander")).isTrue();
        }
    }

    @Test
    void aRetractionLetsTheNextJoinThroughAndADomainHashBlocksTheWholeDomain(TestClients clients) throws Exception {
        XmppServer server = servers.server();
        EntityBareJid room = server.uniqueRoom("rtbl-kick");
        String node = uniqueNode();
        TestPubSub lister = TestPubSub.of(clients.connect("lister"), server);
        lister.createNode(node, AccessModel.open);
        try (BotUnderTest bot = startBot(room, node, "kick")) {
            XmppTestClient bob = clients.connect("bob");
            bob.join(room, "bob");
            await("bob seen").atMost(WAIT).until(() -> present(bot, room, "bob"));
            lister.publish(node, hashOf(jid("bob")));
            await("bob kicked").atMost(WAIT).until(() -> !present(bot, room, "bob"));

            lister.retract(node, hashOf(jid("bob")));
            // The retraction is applied before a publication that comes after it: once carol, published after,
            // is kicked, bob's retraction was seen.
            clients.connect("carol").join(room, "carol");
            await("carol seen").atMost(WAIT).until(() -> present(bot, room, "carol"));
            lister.publish(node, hashOf(jid("carol")));
            await("carol kicked").atMost(WAIT).until(() -> !present(bot, room, "carol"));
            bob.join(room, "bob");
            await("bob back").atMost(WAIT).until(() -> present(bot, room, "bob"));
            await("bob stays").during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> present(bot, room, "bob"));

            clients.connect("erin").join(room, "erin");
            await("erin seen").atMost(WAIT).until(() -> present(bot, room, "erin"));
            lister.publish(node, hashOf(XmppServer.DOMAIN));
            await("every account of the listed domain kicked").atMost(WAIT)
                    .until(() -> !present(bot, room, "bob") && !present(bot, room, "erin"));
        }
    }

    @Test
    void afterAServerRestartTheBotFollowsTheListAgain(TestClients clients) throws Exception {
        XmppServer server = servers.server();
        EntityBareJid room = server.uniqueRoom("rtbl-restart");
        String node = uniqueNode();
        TestPubSub lister = TestPubSub.of(clients.connect("lister"), server);
        lister.createNode(node, AccessModel.open);
        lister.publish(node, hashOf(jid("mallet")));
        try (BotUnderTest bot = startBot(room, node, "ban")) {
            server.restart();
            await("the bot back in its room").atMost(WAIT).until(() -> bot.status(room).ready());
            TestPubSub listerAgain = TestPubSub.of(clients.connect("lister"), server);

            clients.connect("mallet").join(room, "mallet");
            await("mallet banned").atMost(WAIT).untilAsserted(() -> assertThat(banned(bot, room)).contains(jid("mallet")));

            clients.connect("dave").join(room, "dave");
            await("dave seen").atMost(WAIT).until(() -> present(bot, room, "dave"));
            listerAgain.publish(node, hashOf(jid("dave")));
            await("dave removed: the bot subscribed again").atMost(WAIT).until(() -> !present(bot, room, "dave"));
            assertThat(banned(bot, room)).contains(jid("dave"));
        }
    }

    @Test
    void aModeratorsBanAppearsOnThePublishedNodeAndUnbanRetractsIt(TestClients clients) throws Exception {
        XmppServer server = servers.server();
        EntityBareJid room = server.uniqueRoom("rtbl-publish");
        String node = uniqueNode();
        XmppTestClient boss = clients.connect("boss");
        try (BotUnderTest bot = BotUnderTest.builder(server).room(room, "moderation").dataDirectory(data)
                .admin(boss.bareJid())
                .pluginConfig("moderation", """
                        publish-bans:
                          service: %s
                          node: %s
                          access: open
                        """.formatted(server.pubsubService(), node)).start()) {
            bot.awaitJoined(room);
            await().atMost(WAIT).until(() -> bot.status(room).ready());
            TestPubSub follower = TestPubSub.of(clients.connect("follower"), server);
            boss.join(room, "boss");
            clients.connect("spammer").join(room, "spammer");
            await("spammer seen").atMost(WAIT).until(() -> present(bot, room, "spammer"));

            boss.say(room, "!ban spammer selling things");

            await("the ban published").atMost(WAIT).untilAsserted(() -> assertThat(follower.itemIds(node))
                    .containsExactly(hashOf(jid("spammer"))));
            boss.say(room, "!unban " + jid("spammer"));
            await("the ban retracted").atMost(WAIT).untilAsserted(() -> assertThat(follower.itemIds(node)).isEmpty());
        }
    }
}
