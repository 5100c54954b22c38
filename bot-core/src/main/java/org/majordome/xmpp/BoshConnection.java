package org.majordome.xmpp;

import java.lang.reflect.Field;

import org.igniterealtime.jbosh.BOSHClient;
import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.bosh.BOSHConfiguration;
import org.jivesoftware.smack.bosh.XMPPBOSHConnection;
import org.jivesoftware.smack.packet.Nonza;
import org.jivesoftware.smack.packet.Stanza;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Smack's HTTP binding connection (XEP-0124, XEP-0206), made to reconnect the way {@link XmppSession} does it.
 * Two things in Smack 4.4's BOSH connection stand in the way, and an instant shutdown settles both:
 *
 * <ul>
 *   <li>After a connection that once logged in is cut, it logs in again by itself from inside the BOSH library's
 *       event thread as soon as a new BOSH session is created, the way Smack's {@code ReconnectionManager}
 *       expects. That thread is also the one that delivers the server's stream features, so this login waits for
 *       features it is itself holding back, and the supervisor's own {@code login()} comes on top. Forgetting that
 *       the connection was once authenticated leaves the login to the supervisor alone, exactly as over TCP.</li>
 *   <li>An instant shutdown leaves the BOSH client of the dead session open (after a keepalive ping found a hung
 *       server, its HTTP requests are still waiting). The next {@code connect()} closes it only after it started
 *       waiting for the new session, and that old client's "closed" event ends the wait at once: every attempt
 *       then fails without waiting for the server, even once it answers again. Closing the old client here, while
 *       the connection already counts as disconnected, makes its event harmless.</li>
 * </ul>
 */
final class BoshConnection extends XMPPBOSHConnection {

    private static final Logger log = LoggerFactory.getLogger(BoshConnection.class);
    private static final Field CLIENT = clientField();

    BoshConnection(BOSHConfiguration configuration) {
        super(configuration);
    }

    /**
     * Smack's BOSH connection throws an unchecked "Not connected to a server!" when the session ends between its
     * connection check and the send; callers expect the checked exception every other transport throws.
     */
    @Override
    protected void sendStanzaInternal(Stanza stanza) throws NotConnectedException {
        try {
            super.sendStanzaInternal(stanza);
        } catch (IllegalStateException e) {
            throw new NotConnectedException(this, "the BOSH session ended while sending");
        }
    }

    @Override
    public void sendNonza(Nonza nonza) throws NotConnectedException {
        try {
            super.sendNonza(nonza);
        } catch (IllegalStateException e) {
            throw new NotConnectedException(this, "the BOSH session ended while sending");
        }
    }

    @Override
    public void instantShutdown() {
        super.instantShutdown();
        wasAuthenticated = false;
        closeClient();
    }

    private void closeClient() {
        if (CLIENT == null) {
            return;
        }
        try {
            if (CLIENT.get(this) instanceof BOSHClient client) {
                client.close();
            }
        } catch (IllegalAccessException | RuntimeException e) {
            log.debug("Could not close the BOSH client of the dead session: {}", e.toString());
        }
    }

    /** Smack keeps the BOSH client private; without it, the bot cannot come back from a hung server over BOSH. */
    private static Field clientField() {
        try {
            Field field = XMPPBOSHConnection.class.getDeclaredField("client");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("This Smack version hides its BOSH client differently ({}); after a hung server the bot may "
                    + "reconnect late", e.toString());
            return null;
        }
    }
}
