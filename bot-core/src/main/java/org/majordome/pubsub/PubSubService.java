package org.majordome.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.majordome.api.pubsub.Following;
import org.majordome.api.pubsub.NodeAccess;
import org.majordome.api.pubsub.NodeAddress;
import org.majordome.api.pubsub.NodeListener;
import org.majordome.api.pubsub.PubSub;
import org.majordome.api.room.ActionResult;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's publish-subscribe capability: one view per plugin ({@link #forPlugin}), whose followed nodes go
 * when the plugin is released. Told of the bot's sessions: after a new (not resumed) session every followed node
 * is subscribed and read again, since notifications sent while the bot was away are lost.
 */
public final class PubSubService implements XmppSession.Listener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PubSubService.class);
    private static final Duration DEFAULT_RETRY = Duration.ofSeconds(60);

    private final XMPPConnection connection;
    private final PubSubRequests requests;
    private final Duration retryAfter;
    private final Map<String, List<NodeFollowing>> followings = new ConcurrentHashMap<>();
    /** Blocking requests run here: plugin calls return at once. */
    private final ExecutorService requestWorkers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("pubsub-request-", 0).factory());
    /** Requests asked for while the bot was offline, run in order at the next session. */
    private final List<Runnable> heldWhileOffline = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("pubsub-retry").daemon().factory());

    public PubSubService(XMPPConnection connection) {
        this(connection, DEFAULT_RETRY);
    }

    public PubSubService(XMPPConnection connection, Duration retryAfter) {
        this.connection = connection;
        this.requests = new PubSubRequests(connection);
        this.retryAfter = retryAfter;
    }

    /** What one plugin sees; its followed nodes are released with {@link #release(String)}. */
    public PubSub forPlugin(String pluginId) {
        return new PubSub() {
            @Override
            public CompletionStage<Optional<List<String>>> itemIds(NodeAddress node) {
                return PubSubService.this.itemIds(node);
            }

            @Override
            public Following follow(NodeAddress node, NodeListener listener) {
                return PubSubService.this.follow(pluginId, node, listener);
            }

            @Override
            public CompletionStage<ActionResult> publish(NodeAddress node, String itemId, String payloadXml) {
                return act("publish " + itemId + " on " + node, () -> requests.publish(node, itemId, payloadXml));
            }

            @Override
            public CompletionStage<ActionResult> retract(NodeAddress node, String itemId) {
                return act("retract " + itemId + " from " + node, () -> requests.retract(node, itemId));
            }

            @Override
            public CompletionStage<ActionResult> ownNode(NodeAddress node, NodeAccess access) {
                return act("own " + node, () -> requests.ownNode(node, access));
            }
        };
    }

    /** The plugin stopped: its nodes are no longer followed. */
    public void release(String pluginId) {
        List<NodeFollowing> owned = followings.remove(pluginId);
        if (owned != null) {
            owned.forEach(NodeFollowing::close);
        }
    }

    @Override
    public void online(boolean resumed) {
        List<Runnable> held;
        synchronized (heldWhileOffline) {
            held = List.copyOf(heldWhileOffline);
            heldWhileOffline.clear();
        }
        if (!held.isEmpty()) {
            // In the order they were asked for: a node is owned before anything is published to it.
            requestWorkers.execute(() -> held.forEach(Runnable::run));
        }
        if (resumed) {
            return; // stream management delivered what was sent meanwhile
        }
        followings.values().forEach(nodes -> nodes.forEach(NodeFollowing::synchronise));
    }

    private Following follow(String pluginId, NodeAddress node, NodeListener listener) {
        List<NodeFollowing> owned = followings.computeIfAbsent(pluginId, id -> new CopyOnWriteArrayList<>());
        NodeFollowing following = new NodeFollowing(node, listener, connection, timer, retryAfter, owned::remove);
        owned.add(following);
        following.synchronise(); // does nothing while offline: online() will
        return following;
    }

    private CompletionStage<Optional<List<String>>> itemIds(NodeAddress node) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Optional.of(List.copyOf(requests.itemIds(node)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (Exception e) {
                log.warn("Pubsub node {}: cannot read its items ({})", node, describe(e));
                return Optional.empty();
            }
        }, requestWorkers);
    }

    private interface Request {
        void run() throws Exception;
    }

    /**
     * Runs the request, at once when online, else at the next session (plugins start before the bot connects, and
     * a ban published during an outage must not be lost).
     */
    private CompletionStage<ActionResult> act(String what, Request request) {
        synchronized (heldWhileOffline) {
            if (!connection.isAuthenticated()) {
                CompletableFuture<ActionResult> later = new CompletableFuture<>();
                heldWhileOffline.add(() -> later.complete(attempt(what, request)));
                return later;
            }
        }
        return CompletableFuture.supplyAsync(() -> attempt(what, request), requestWorkers);
    }

    private ActionResult attempt(String what, Request request) {
        try {
            request.run();
            return ActionResult.DONE;
        } catch (XMPPException.XMPPErrorException e) {
            // The caller gets the condition and decides (a retraction of an item never published is no news).
            log.debug("Pubsub: could not {}: refused ({})", what, PubSubRequests.condition(e));
            return new ActionResult.Refused(PubSubRequests.condition(e),
                    e.getStanzaError().getDescriptiveText() == null ? "" : e.getStanzaError().getDescriptiveText());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ActionResult.Failed("interrupted");
        } catch (Exception e) {
            log.warn("Pubsub: could not {}: {}", what, describe(e));
            return new ActionResult.Failed(describe(e));
        }
    }

    private static String describe(Exception e) {
        if (e instanceof XMPPException.XMPPErrorException error) {
            return "refused: " + PubSubRequests.condition(error);
        }
        if (e instanceof SmackException.NotConnectedException) {
            return "not connected";
        }
        if (e instanceof SmackException.NoResponseException) {
            return "no answer in time";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public void close() {
        followings.keySet().forEach(this::release);
        requestWorkers.shutdownNow();
        timer.shutdownNow();
    }
}
