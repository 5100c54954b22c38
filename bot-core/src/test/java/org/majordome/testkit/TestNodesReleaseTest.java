package org.majordome.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.majordome.api.NoConfig;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.pubsub.NodeAddress;
import org.majordome.api.pubsub.NodeListener;

/**
 * The kit releases a stopped plugin's followed nodes as the runtime does ({@code PubSubService.release}): before,
 * the kit's nodes kept calling a plugin after its stop, so a plugin test could not tell a leak from the runtime's
 * behaviour.
 */
class TestNodesReleaseTest {

    private static final NodeAddress LIST = new NodeAddress("pubsub.example.org", "muc_bans_sha256");

    /** Follows the list at start and never closes it: the runtime must. */
    public static class Follower implements Plugin<NoConfig>, NodeListener {
        final List<String> heard = new CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "follower";
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
            context.pubsub().follow(LIST, this);
        }

        @Override
        public void snapshot(Set<String> itemIds) {
        }

        @Override
        public void published(String itemId) {
            heard.add(itemId);
        }

        @Override
        public void retracted(String itemId) {
        }
    }

    @Test
    void aStoppedPluginsFollowingsAreReleasedByTheKit() {
        Follower plugin = new Follower();
        try (PluginTestKit kit = PluginTestKit.builder().plugin(plugin).room("lobby@conference.example.org").start()) {
            kit.pubsub().maintainerPublishes(LIST, "aaa");
            assertThat(kit.pubsub().followerCount(LIST)).isEqualTo(1);

            kit.stopPlugins();
            kit.pubsub().maintainerPublishes(LIST, "bbb");

            assertThat(kit.pubsub().followerCount(LIST)).isZero();
            assertThat(plugin.heard).containsExactly("aaa");
        }
    }
}
