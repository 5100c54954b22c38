package org.majordome.xmpp;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.parsing.ParsingExceptionCallback;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smackx.ping.PingManager;
import org.majordome.config.ConnectionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's connection to its server, kept up for as long as the bot runs.
 *
 * <p>Smack's {@code ReconnectionManager} is not used: it gives up before the first successful login
 * and after a resource conflict, and the bot must come back in both cases (a server that is not up
 * yet when the bot starts, two instances fighting over a resource). Instead one supervisor thread
 * connects, and every loss of the stream schedules the next attempt with exponential backoff and
 * jitter. The same connection object is reused so that, over TCP, stream management can resume the session
 * (and keep room memberships) when the server still has it, and so that every listener and manager registered
 * on it stays in place.
 *
 * <p>Over HTTP binding (BOSH) the same supervisor reconnects and the same keepalive runs (a ping is an IQ like
 * any other, carried in an HTTP request); BOSH has no stream management, so every new session is announced
 * with {@code resumed = false} and the rooms are joined again.
 */
public final class XmppSession implements AutoCloseable {

    /** Told when the bot is online or has lost its stream; called on Smack's threads: do not block. */
    public interface Listener {
        /**
         * @param resumed true when stream management resumed the previous session: room memberships
         *                survived; false when this is a new session and every room must be joined again
         */
        void online(boolean resumed);

        default void offline(Exception cause) {
        }
    }

    /** The status text rooms and contacts see when the bot stops. */
    public static final String GOODBYE = "Majordome is shutting down";

    private static final Logger log = LoggerFactory.getLogger(XmppSession.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    /** Beyond the reply timeout, how long a keepalive ping may take to be handed to the transport. */
    private static final Duration PING_SEND_GRACE = Duration.ofSeconds(1);

    private final ConnectionSettings settings;
    private final Backoff backoff;
    private final AbstractXMPPConnection connection;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("xmpp-supervisor").daemon().factory());
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private volatile boolean closed;
    private ScheduledFuture<?> pendingAttempt;

    public XmppSession(ConnectionSettings settings, Duration backoffMax) {
        this.settings = settings;
        this.backoff = Backoff.of(FIRST_RETRY, backoffMax);
        this.connection = Connections.create(settings);
        this.connection.setReplyTimeout(settings.replyTimeout().toMillis());
        // One unparsable stanza from a hostile client must not cost every room its connection.
        this.connection.setParsingExceptionCallback(loggingParsingExceptionCallback());
        ReconnectionManager.getInstanceFor(connection).disableAutomaticReconnection();
        this.connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void authenticated(XMPPConnection ignored, boolean resumed) {
                failedAttempts.set(0);
                log.info("Online as {} ({})", connection.getUser(), resumed ? "session resumed" : "new session");
                listeners.forEach(listener -> safely(() -> listener.online(resumed)));
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                if (closed) {
                    log.debug("Stream ended while closing: {}", describe(e));
                    return;
                }
                if (isConflict(e)) {
                    log.error("The server closed the stream: another client took resource '{}' of {}. "
                            + "Is a second instance of the bot running? Retrying with backoff.",
                            settings.resource(), settings.jid());
                } else {
                    log.warn("Connection lost: {}", describe(e));
                }
                listeners.forEach(listener -> safely(() -> listener.offline(e)));
                scheduleAttempt();
            }
        });
        // Smack's automatic ping waits at least two minutes for the answer, whatever the reply timeout: a hung
        // server would go unnoticed for ping-interval + 2 min. Our own keepalive waits the reply timeout.
        PingManager.getInstanceFor(connection).setPingInterval(-1);
        long checkEvery = Math.max(1_000, settings.pingInterval().toMillis() / 4);
        supervisor.scheduleWithFixedDelay(this::keepalive, checkEvery, checkEvery, TimeUnit.MILLISECONDS);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Starts connecting in the background; returns at once. */
    public synchronized void start() {
        if (pendingAttempt == null && !closed) {
            pendingAttempt = supervisor.schedule(this::attempt, 0, TimeUnit.MILLISECONDS);
        }
    }

    /** The underlying connection, for the packages that send and listen through it. */
    public AbstractXMPPConnection connection() {
        return connection;
    }

    public boolean isOnline() {
        return connection.isAuthenticated();
    }

    public ConnectionSettings settings() {
        return settings;
    }

    private synchronized void scheduleAttempt() {
        if (closed) {
            return;
        }
        if (pendingAttempt != null && !pendingAttempt.isDone()) {
            return;
        }
        Duration delay = backoff.delay(failedAttempts.getAndIncrement());
        log.info("Reconnecting in {} ms", delay.toMillis());
        pendingAttempt = supervisor.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void attempt() {
        if (closed) {
            return;
        }
        try {
            if (!connection.isConnected()) {
                connection.connect();
            }
            if (!connection.isAuthenticated()) {
                connection.login();
            }
        } catch (SASLErrorException e) {
            log.error("The server refused the bot's credentials for {}: {}", settings.jid(), e.getMessage());
            retryAfterFailure();
        } catch (SmackException | IOException | XMPPException e) {
            log.warn("Could not connect to {} (attempt {}): {}", target(), failedAttempts.get() + 1, describe(e));
            retryAfterFailure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Unexpected failure while connecting", e);
            retryAfterFailure();
        }
    }

    private void retryAfterFailure() {
        if (connection.isConnected()) {
            connection.instantShutdown();
        }
        synchronized (this) {
            pendingAttempt = null;
        }
        scheduleAttempt();
    }

    /**
     * Pings the server when nothing came from it for a whole ping interval; no answer within the reply timeout
     * means the stream is dead in all but name (a failed ping does not disconnect by itself): reconnect.
     */
    private void keepalive() {
        if (closed || !connection.isAuthenticated()) {
            return;
        }
        long silentFor = System.currentTimeMillis() - connection.getLastStanzaReceived();
        if (silentFor < settings.pingInterval().toMillis()) {
            return;
        }
        boolean answered;
        try {
            answered = pingAnswered();
        } catch (SmackException.NotConnectedException e) {
            return; // the connection listener already schedules the reconnection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            log.warn("Keepalive ping could not be sent: {}", describe(e));
            return;
        }
        if (!answered && !closed) {
            log.warn("Server did not answer the keepalive ping within {} ms; reconnecting",
                    settings.replyTimeout().toMillis());
            connection.instantShutdown();
            listeners.forEach(listener -> safely(() -> listener.offline(new IOException("keepalive ping failed"))));
            retryAfterFailure();
        }
    }

    /**
     * Pings on a thread of its own and waits at most the reply timeout (and a little): over BOSH, sending blocks while
     * every HTTP request the server allows is held by a hung server, and the supervisor must stay free to reconnect.
     */
    private boolean pingAnswered() throws SmackException.NotConnectedException, InterruptedException {
        long timeout = settings.replyTimeout().toMillis();
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Thread.ofVirtual().name("xmpp-keepalive").start(() -> {
            try {
                answer.complete(PingManager.getInstanceFor(connection).pingMyServer(false, timeout));
            } catch (SmackException.NotConnectedException | InterruptedException | RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(timeout + PING_SEND_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case SmackException.NotConnectedException notConnected -> throw notConnected;
                case InterruptedException interrupted -> throw interrupted;
                case RuntimeException failure -> throw failure;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Sends an unavailable presence with a status text and closes the stream; no reconnection follows. */
    public void close(String statusText) {
        synchronized (this) {
            closed = true;
            if (pendingAttempt != null) {
                pendingAttempt.cancel(false);
            }
        }
        if (connection.isConnected()) {
            try {
                Presence goodbye = connection.getStanzaFactory().buildPresenceStanza()
                        .ofType(Presence.Type.unavailable).setStatus(statusText).build();
                connection.disconnect(goodbye);
            } catch (SmackException.NotConnectedException e) {
                connection.instantShutdown();
            }
        }
        supervisor.shutdownNow();
    }

    @Override
    public void close() {
        close(GOODBYE);
    }

    private String target() {
        return Connections.target(settings);
    }

    private static ParsingExceptionCallback loggingParsingExceptionCallback() {
        return unparsed -> log.warn("Ignored a stanza the XMPP library could not parse: {}",
                describe(unparsed.getParsingException()));
    }

    private static boolean isConflict(Exception e) {
        return e instanceof StreamErrorException streamError
                && streamError.getStreamError().getCondition() == StreamError.Condition.conflict;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void safely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.error("A connection listener failed", e);
        }
    }
}
