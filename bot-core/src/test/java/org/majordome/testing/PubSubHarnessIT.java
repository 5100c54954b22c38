package org.majordome.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.jivesoftware.smackx.pubsub.AccessModel;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves the harness's publish-subscribe service (XEP-0060) on both servers: a test client creates a node
 * (§8.1), publishes an item with a given id (§7.1) and retracts it with notification (§7.2), and a subscriber
 * (§6.1) is told of both. Block-list tests stand on this.
 */
@ClassTemplate
class PubSubHarnessIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults().pubsubOwners("lister"));

    @Test
    void aClientCreatesANodePublishesAndRetractsAndASubscriberIsTold(TestClients clients) throws Exception {
        XmppServer server = servers.server();
        TestPubSub lister = TestPubSub.of(clients.connect("lister"), server);
        TestPubSub follower = TestPubSub.of(clients.connect("follower"), server);
        String node = "harness_" + Long.toHexString(System.nanoTime());

        lister.createNode(node, AccessModel.open);
        TestPubSub.NodeEvents events = follower.subscribe(node);
        lister.publish(node, "aaaa");
        lister.publish(node, "bbbb");

        await("published items reach the subscriber").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(events.published).containsExactly("aaaa", "bbbb"));
        assertThat(follower.itemIds(node)).containsExactlyInAnyOrder("aaaa", "bbbb");

        lister.retract(node, "aaaa");

        await("the retraction reaches the subscriber").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(events.retracted).containsExactly("aaaa"));
        assertThat(follower.itemIds(node)).containsExactly("bbbb");
    }
}
