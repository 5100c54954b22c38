package org.majordome.webchat;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One visitor's WebSocket (RFC 6455): text frames in go to the {@link Visitor} (queued, never handled on Jetty's
 * thread), frames out come from its {@link Outbox} one at a time. Public only because Jetty calls a socket's
 * listener methods through method handles, which need a public class; nothing outside this package makes one.
 */
public final class VisitorSocket implements Session.Listener.AutoDemanding, Wire {

    /** Frames waiting for one browser; beyond that it is too slow and is dropped. */
    static final int OUTBOX_FRAMES = 1_000;

    private final WebChatGateway gateway;
    private final Visitor.Identity identity;
    private final String refusal;
    private volatile Session session;
    private volatile Visitor visitor;
    private volatile Outbox out;
    private final java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * @param refusal an {@code error} frame to send before closing at once (the address has too many sockets),
     *                or null for a visitor who is let in
     */
    VisitorSocket(WebChatGateway gateway, Visitor.Identity identity, String refusal) {
        this.gateway = gateway;
        this.identity = identity;
        this.refusal = refusal;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        this.session = opened;
        Outbox outbox = new Outbox(this, OUTBOX_FRAMES, gateway.writers());
        this.out = outbox;
        if (refusal != null) {
            outbox.finish(refusal, Outbox.NORMAL, "refused");
            return;
        }
        Visitor created = new Visitor(identity, gateway, outbox, gateway.clock());
        this.visitor = created;
        gateway.opened(created);
    }

    @Override
    public void onWebSocketText(String message) {
        Visitor current = visitor;
        if (current != null) {
            current.received(message);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        ended();
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        ended();
    }

    private void ended() {
        if (!over.compareAndSet(false, true)) {
            return;
        }
        Outbox outbox = out;
        if (outbox != null) {
            outbox.stop();
        }
        Visitor current = visitor;
        visitor = null;
        if (current != null) {
            gateway.closed(current);
            // Leaving the room waits for the server: not on Jetty's thread.
            Thread.ofVirtual().name("webchat-leave").start(current::socketClosed);
        }
        if (refusal == null) {
            gateway.limits().closeSocket(identity.addressHash());
        }
    }

    @Override
    public void send(String text, Written done) {
        session.sendText(text, Callback.from(() -> done.written(null), done::written));
    }

    @Override
    public void close(int status, String reason) {
        Session current = session;
        if (current != null && current.isOpen()) {
            current.close(status, reason, Callback.NOOP);
        }
    }
}
