package org.majordome.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;

/**
 * A throwaway XMPP server for one test class: its own temporary directory, c2s on 127.0.0.1 on a free port,
 * no s2s, host {@code localhost}, MUC service {@code conference.localhost} and publish-subscribe service
 * {@code pubsub.localhost} (XEP-0060). It can be stopped, crashed,
 * restarted on the same port with the same data, and frozen, so that tests see how the bot survives a server
 * that goes away or stops answering. No server process outlives the test JVM.
 */
public interface XmppServer extends AutoCloseable {

    String DOMAIN = "localhost";
    String MUC_SERVICE = "conference.localhost";
    String PUBSUB_SERVICE = "pubsub.localhost";

    ServerKind kind();

    /** Starts the server and returns once it accepts client connections. */
    XmppServer start();

    /** Asks the server to shut down (SIGTERM), as an administrator would; kills it when it does not. */
    void stop();

    /** Crashes the server (SIGKILL): no goodbye to clients, sessions are left as a crash leaves them. */
    void kill();

    /** Starts the server again on the same port with the same data (stopping it first if it runs). */
    XmppServer restart();

    /** Suspends the server (SIGSTOP): connections stay open but nothing is answered, like a hung server. */
    void freeze();

    /** Resumes a frozen server (SIGCONT). */
    void thaw();

    /** Creates an account or resets its password (ejabberd needs the server running for this). */
    void register(String user, String password);

    /** Removes an account. */
    void unregister(String user);

    boolean isRunning();

    int port();

    default String host() {
        return "127.0.0.1";
    }

    default String domain() {
        return DOMAIN;
    }

    default String mucService() {
        return MUC_SERVICE;
    }

    /**
     * The publish-subscribe service (XEP-0060): Prosody's {@code pubsub} component, ejabberd's {@code mod_pubsub}.
     * Who may create nodes differs: on ejabberd every local user, on Prosody the users named in
     * {@link ServerSettings#pubsubOwners(String...)} (Prosody lets only the service's admins create nodes).
     */
    default String pubsubService() {
        return PUBSUB_SERVICE;
    }

    /** Whether the MUC service archives messages (XEP-0313 for rooms). */
    boolean hasMucArchive();

    /**
     * The server's HTTP binding URL (BOSH, XEP-0124/0206) on loopback, when the test asked for it
     * ({@link ServerSettings#bosh()}); it stays the same across restarts.
     */
    default Optional<URI> boshUrl() {
        return Optional.empty();
    }

    /** The server's self-signed certificate (PEM), for clients that verify TLS; empty without openssl. */
    Optional<Path> certificate();

    Path directory();

    Path logFile();

    /** A room JID on this server's MUC service that no other test uses. */
    default EntityBareJid uniqueRoom(String hint) {
        return LocalServers.uniqueRoom(hint, mucService());
    }

    /** The last lines of the server's log, for assertion messages and failure reports. */
    default String logTail() {
        return logTail(60);
    }

    default String logTail(int lines) {
        return LocalServers.logTail(logFile(), lines);
    }

    /** Stops the server and deletes its directory, unless {@code -Dmajordome.prosody.keep=true}. */
    @Override
    void close();
}
