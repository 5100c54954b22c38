package org.majordome.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.majordome.api.pubsub.Following;
import org.majordome.api.pubsub.NodeAccess;
import org.majordome.api.pubsub.NodeAddress;
import org.majordome.api.pubsub.NodeListener;
import org.majordome.api.pubsub.PubSub;
import org.majordome.api.room.ActionResult;

/**
 * Publish-subscribe nodes for kit tests, in memory: a test publishes and retracts items as a list's maintainer
 * would ({@link #maintainerPublishes}, {@link #maintainerRetracts}), and sees what the plugins published and which nodes they own.
 * Listeners are called on the test's thread, at once; {@link #newSession()} hands every follower the whole list
 * again, as the runtime does after a session that did not resume.
 */
public final class TestNodes implements PubSub {

    private final Map<NodeAddress, Set<String>> items = new ConcurrentHashMap<>();
    private final Map<NodeAddress, NodeAccess> owned = new ConcurrentHashMap<>();
    private final List<Follower> followers = new CopyOnWriteArrayList<>();

    private final class Follower implements Following {
        private final String owner;
        private final NodeAddress node;
        private final NodeListener listener;

        Follower(String owner, NodeAddress node, NodeListener listener) {
            this.owner = owner;
            this.node = node;
            this.listener = listener;
        }

        @Override
        public NodeAddress node() {
            return node;
        }

        NodeListener listener() {
            return listener;
        }

        @Override
        public void close() {
            followers.remove(this);
        }
    }

    /** Publishes an item, as the node's maintainer; followers are told. */
    public void maintainerPublishes(NodeAddress node, String itemId) {
        itemsOf(node).add(itemId);
        followersOf(node).forEach(follower -> follower.listener().published(itemId));
    }

    /** Retracts an item, as the node's maintainer; followers are told. */
    public void maintainerRetracts(NodeAddress node, String itemId) {
        itemsOf(node).remove(itemId);
        followersOf(node).forEach(follower -> follower.listener().retracted(itemId));
    }

    /** Items published meanwhile without notice (a server that lost them), told only by the next snapshot. */
    public void publishSilently(NodeAddress node, String itemId) {
        itemsOf(node).add(itemId);
    }

    /** A new session: every follower gets its node's whole list again. */
    public void newSession() {
        followers.forEach(follower -> follower.listener().snapshot(Set.copyOf(itemsOf(follower.node()))));
    }

    /** The node's items now. */
    public Set<String> items(NodeAddress node) {
        return Set.copyOf(itemsOf(node));
    }

    /** How many followings of the node are open (one per {@code follow} not closed yet): a leak shows here. */
    public int followerCount(NodeAddress node) {
        return followersOf(node).size();
    }

    /** The access the plugins gave a node they own, if they own it. */
    public Optional<NodeAccess> ownedAccess(NodeAddress node) {
        return Optional.ofNullable(owned.get(node));
    }

    @Override
    public CompletionStage<Optional<List<String>>> itemIds(NodeAddress node) {
        return CompletableFuture.completedFuture(Optional.of(new ArrayList<>(itemsOf(node))));
    }

    @Override
    public Following follow(NodeAddress node, NodeListener listener) {
        return follow("", node, listener);
    }

    /**
     * What plugin {@code pluginId} sees: these nodes, its followings tagged as its own so that {@link #release}
     * closes them when it stops, as the runtime does.
     */
    public PubSub forPlugin(String pluginId) {
        TestNodes nodes = this;
        return new PubSub() {
            @Override
            public CompletionStage<Optional<List<String>>> itemIds(NodeAddress node) {
                return nodes.itemIds(node);
            }

            @Override
            public Following follow(NodeAddress node, NodeListener listener) {
                return nodes.follow(pluginId, node, listener);
            }

            @Override
            public CompletionStage<ActionResult> publish(NodeAddress node, String itemId, String payloadXml) {
                return nodes.publish(node, itemId, payloadXml);
            }

            @Override
            public CompletionStage<ActionResult> retract(NodeAddress node, String itemId) {
                return nodes.retract(node, itemId);
            }

            @Override
            public CompletionStage<ActionResult> ownNode(NodeAddress node, NodeAccess access) {
                return nodes.ownNode(node, access);
            }
        };
    }

    /** The plugin stopped: its followings are closed. */
    public void release(String pluginId) {
        followers.removeIf(follower -> follower.owner.equals(pluginId));
    }

    private Following follow(String owner, NodeAddress node, NodeListener listener) {
        Follower follower = new Follower(owner, node, listener);
        followers.add(follower);
        listener.snapshot(Set.copyOf(itemsOf(node)));
        return follower;
    }

    @Override
    public CompletionStage<ActionResult> publish(NodeAddress node, String itemId, String payloadXml) {
        maintainerPublishes(node, itemId);
        return CompletableFuture.completedFuture(ActionResult.DONE);
    }

    @Override
    public CompletionStage<ActionResult> retract(NodeAddress node, String itemId) {
        maintainerRetracts(node, itemId);
        return CompletableFuture.completedFuture(ActionResult.DONE);
    }

    @Override
    public CompletionStage<ActionResult> ownNode(NodeAddress node, NodeAccess access) {
        owned.put(node, access);
        itemsOf(node);
        return CompletableFuture.completedFuture(ActionResult.DONE);
    }

    private Set<String> itemsOf(NodeAddress node) {
        return items.computeIfAbsent(node, key -> java.util.Collections.synchronizedSet(new LinkedHashSet<>()));
    }

    private List<Follower> followersOf(NodeAddress node) {
        return followers.stream().filter(follower -> follower.node().equals(node)).toList();
    }
}
