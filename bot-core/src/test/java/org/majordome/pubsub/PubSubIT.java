package org.majordome.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smackx.pubsub.AccessModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.NoConfig;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.pubsub.NodeAccess;
import org.majordome.api.pubsub.NodeAddress;
import org.majordome.api.pubsub.NodeListener;
import org.majordome.api.pubsub.PubSub;
import org.majordome.api.room.ActionResult;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.TestPubSub;
import org.majordome.testing.XmppServer;

/**
 * The plugin API's publish-subscribe (XEP-0060) through the real bot on both servers: following a node (§6.1,
 * §6.5: the items at start, then §7.1.2.1 publications and §7.2.2.1 retractions), reading it again after a new
 * session (the server restarted, so the stream could not be resumed and notifications were lost), and a node the
 * bot owns (§8.1, §8.2, §8.9): open, then whitelist, with publication and retraction seen by a subscriber.
 */
@ClassTemplate
class PubSubIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(
            ServerSettings.defaults().pubsubOwners("lister", BotUnderTest.ACCOUNT));

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Hands the test the plugin API the bot gives a plugin. */
    static final class Probe implements Plugin<NoConfig> {
        final AtomicReference<PubSub> pubsub = new AtomicReference<>();

        @Override
        public String id() {
            return "pubsubprobe";
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
            pubsub.set(context.pubsub());
        }
    }

    /** Records what a followed node told the plugin. */
    static final class Recorder implements NodeListener {
        final List<Set<String>> snapshots = new CopyOnWriteArrayList<>();
        final List<String> published = new CopyOnWriteArrayList<>();
        final List<String> retracted = new CopyOnWriteArrayList<>();

        @Override
        public void snapshot(Set<String> itemIds) {
            snapshots.add(itemIds);
        }

        @Override
        public void published(String itemId) {
            published.add(itemId);
        }

        @Override
        public void retracted(String itemId) {
            retracted.add(itemId);
        }
    }

    private static String uniqueNode(String hint) {
        return hint + "_" + Long.toHexString(System.nanoTime());
    }

    private BotUnderTest bot;

    @AfterEach
    void stopBot() {
        if (bot != null) {
            bot.close();
        }
    }

    private PubSub startBot(XmppServer server, Probe probe) {
        EntityBareJid room = server.uniqueRoom("pubsub");
        bot = BotUnderTest.builder(server).plugin(probe).room(room, probe.id()).start().awaitJoined(room);
        await("the plugin started").atMost(WAIT).until(() -> probe.pubsub.get() != null);
        return probe.pubsub.get();
    }

    @Test
    void aFollowedNodeGivesItsItemsThenItsPublicationsAndRetractions(TestClients clients) throws Exception {
        XmppServer server = servers.server();
        TestPubSub lister = TestPubSub.of(clients.connect("lister"), server);
        String node = uniqueNode("follow");
        lister.createNode(node, AccessModel.open);
        lister.publish(node, "aaaa");
        PubSub pubsub = startBot(server, new Probe());
        Recorder recorder = new Recorder();

        pubsub.follow(new NodeAddress(server.pubsubService(), node), recorder);

        await("the first snapshot").atMost(WAIT).until(() -> !recorder.snapshots.isEmpty());
        assertThat(recorder.snapshots.getFirst()).containsExactly("aaaa");
        lister.publish(node, "bbbb");
        await("the publication").atMost(WAIT).untilAsserted(() -> assertThat(recorder.published).contains("bbbb"));
        lister.retract(node, "aaaa");
        await("the retraction").atMost(WAIT).untilAsserted(() -> assertThat(recorder.retracted).containsExactly("aaaa"));
    }

    @Test
    void afterANewSessionTheNodeIsReadAgain(TestClients clients) throws Exception {
        XmppServer server = servers.server();
        TestPubSub lister = TestPubSub.of(clients.connect("lister"), server);
        String node = uniqueNode("resync");
        lister.createNode(node, AccessModel.open);
        lister.publish(node, "aaaa");
        PubSub pubsub = startBot(server, new Probe());
        Recorder recorder = new Recorder();
        pubsub.follow(new NodeAddress(server.pubsubService(), node), recorder);
        await("the first snapshot").atMost(WAIT).until(() -> !recorder.snapshots.isEmpty());

        server.restart(); // the server forgets the bot's stream: the next session is a new one
        TestPubSub listerAgain = TestPubSub.of(clients.connect("lister"), server);
        listerAgain.publish(node, "cccc");

        await("a second snapshot, read after the new session").atMost(WAIT)
                .untilAsserted(() -> assertThat(recorder.snapshots).hasSizeGreaterThanOrEqualTo(2)
                        .last().satisfies(ids -> assertThat(ids).contains("aaaa")));
        await("the item published around the restart").atMost(WAIT).untilAsserted(() -> assertThat(
                recorder.snapshots.getLast().contains("cccc") || recorder.published.contains("cccc")).isTrue());
    }

    @Test
    void theBotOwnsANodeOpenThenWhitelistedPublishesAndRetracts(TestClients clients) throws Exception {
        XmppServer server = servers.server();
        PubSub pubsub = startBot(server, new Probe());
        String nodeId = uniqueNode("owned");
        NodeAddress node = new NodeAddress(server.pubsubService(), nodeId);

        assertThat(pubsub.ownNode(node, NodeAccess.open()).toCompletableFuture().get()).isEqualTo(ActionResult.DONE);
        TestPubSub follower = TestPubSub.of(clients.connect("follower"), server);
        TestPubSub.NodeEvents events = follower.subscribe(nodeId);
        assertThat(pubsub.publish(node, "dddd", TestPubSub.BAN_PAYLOAD).toCompletableFuture().get())
                .isEqualTo(ActionResult.DONE);
        await("the bot's publication").atMost(WAIT).untilAsserted(() -> assertThat(events.published).contains("dddd"));
        assertThat(pubsub.retract(node, "dddd").toCompletableFuture().get()).isEqualTo(ActionResult.DONE);
        await("the bot's retraction").atMost(WAIT).untilAsserted(() -> assertThat(events.retracted).contains("dddd"));

        assertThat(pubsub.ownNode(node, NodeAccess.whitelist(List.of("follower@" + server.domain())))
                .toCompletableFuture().get()).isEqualTo(ActionResult.DONE);
        pubsub.publish(node, "eeee", TestPubSub.BAN_PAYLOAD).toCompletableFuture().get();
        assertThat(follower.itemIds(nodeId)).contains("eeee");
        TestPubSub stranger = TestPubSub.of(clients.connect("stranger"), server);
        assertThatThrownBy(() -> stranger.itemIds(nodeId)).as("a JID off the whitelist reads nothing")
                .isInstanceOf(XMPPException.XMPPErrorException.class);
        assertThat(pubsub.itemIds(node).toCompletableFuture().get()).contains(List.of("eeee"));
    }
}
