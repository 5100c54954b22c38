package org.majordome.pubsub;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.NamedElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smackx.pubsub.EventElement;
import org.jivesoftware.smackx.pubsub.EventElementType;
import org.jivesoftware.smackx.pubsub.Item;
import org.jivesoftware.smackx.pubsub.ItemsExtension;
import org.jivesoftware.smackx.pubsub.RetractItem;
import org.majordome.api.pubsub.Following;
import org.majordome.api.pubsub.NodeAddress;
import org.majordome.api.pubsub.NodeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One followed node: its notifications taken from the connection in order, its (re)synchronisation after each
 * new session, and its listener called on a serial worker of its own. A read or subscription that fails is tried
 * again after {@code retryAfter} while the bot is online.
 */
final class NodeFollowing implements Following {

    private static final Logger log = LoggerFactory.getLogger(NodeFollowing.class);

    private final NodeAddress node;
    private final NodeListener listener;
    private final XMPPConnection connection;
    private final PubSubRequests requests;
    private final ScheduledExecutorService timer;
    private final Duration retryAfter;
    private final Consumer<NodeFollowing> onClose;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("pubsub-node-", 0).factory());
    private final StanzaListener notifications = this::onNotification;
    private volatile boolean closed;
    private ScheduledFuture<?> retry;

    NodeFollowing(NodeAddress node, NodeListener listener, XMPPConnection connection, ScheduledExecutorService timer,
                  Duration retryAfter, Consumer<NodeFollowing> onClose) {
        this.node = node;
        this.listener = listener;
        this.connection = connection;
        this.requests = new PubSubRequests(connection);
        this.timer = timer;
        this.retryAfter = retryAfter;
        this.onClose = onClose;
        // Synchronous, so that the node's notifications keep their order; it only hands them to the worker.
        connection.addSyncStanzaListener(notifications, this::isNotification);
    }

    @Override
    public NodeAddress node() {
        return node;
    }

    /** Subscribes again and reads the whole node, then hands the listener the list (on the worker). */
    void synchronise() {
        submit(this::synchroniseNow);
    }

    private void synchroniseNow() {
        if (closed || !connection.isAuthenticated()) {
            return;
        }
        List<String> ids;
        try {
            requests.subscribe(node);
            ids = requests.itemIds(node);
        } catch (XMPPException.XMPPErrorException e) {
            unavailable("the service refused: " + PubSubRequests.condition(e));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        log.info("Pubsub node {}: followed, {} item(s)", node, ids.size());
        // Outside the try: a listener that throws is the listener's bug (logged by the worker), not the service's.
        listener.snapshot(Collections.unmodifiableSet(new LinkedHashSet<>(ids)));
    }

    private void unavailable(String why) {
        log.warn("Pubsub node {}: cannot follow it ({}); trying again in {}", node, why, retryAfter);
        listener.unavailable(why);
        synchronized (this) {
            if (!closed && (retry == null || retry.isDone())) {
                retry = timer.schedule(this::synchronise, retryAfter.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private boolean isNotification(Stanza stanza) {
        if (!(stanza instanceof Message) || stanza.getFrom() == null
                || !stanza.getFrom().asBareJid().toString().equals(node.service())) {
            return false;
        }
        EventElement event = EventElement.from(stanza);
        return event != null && event.getEvent() != null && node.node().equals(event.getEvent().getNode());
    }

    private void onNotification(Stanza stanza) {
        EventElement event = EventElement.from(stanza);
        if (event.getEventType() != EventElementType.items || !(event.getEvent() instanceof ItemsExtension items)) {
            // A purge, a deletion or a configuration change: the whole list is read again.
            synchronise();
            return;
        }
        for (NamedElement element : items.getItems()) {
            if (element instanceof RetractItem retracted) {
                submit(() -> listener.retracted(retracted.getId()));
            } else if (element instanceof Item item && item.getId() != null) {
                submit(() -> listener.published(item.getId()));
            }
        }
    }

    private void submit(Runnable call) {
        if (closed) {
            return;
        }
        try {
            worker.execute(() -> {
                if (closed) {
                    return;
                }
                try {
                    call.run();
                } catch (RuntimeException e) {
                    log.error("Pubsub node {}: the listener failed", node, e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Pubsub node {}: closed meanwhile", node);
        }
    }

    @Override
    public void close() {
        closed = true;
        connection.removeSyncStanzaListener(notifications);
        synchronized (this) {
            if (retry != null) {
                retry.cancel(false);
            }
        }
        worker.shutdown();
        onClose.accept(this);
    }
}
