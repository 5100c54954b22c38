package org.majordome.xmpp;

import java.io.IOException;

import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.caps.EntityCapsManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.config.ConnectionSettings;
import org.majordome.config.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Short-lived extra sessions that speak for someone else through the bot's server (the web chat's visitors): the
 * bot's connection settings (transport, host, port, TLS, trusted certificate, SASL) with another account and
 * resource. Unlike {@link XmppSession} they are never reconnected, resumed or pinged: a visitor whose session
 * ends is told so and may start again; keeping hundreds of them alive would cost the server for nobody.
 */
public final class GuestConnections {

    private static final Logger log = LoggerFactory.getLogger(GuestConnections.class);

    private final ConnectionSettings bot;

    /** @param bot the bot's own connection settings, whose way to the server the guests take */
    public GuestConnections(ConnectionSettings bot) {
        this.bot = bot;
    }

    /** The bot's own account: what a gateway uses when it is given none of its own. */
    public EntityBareJid botAccount() {
        return bot.jid();
    }

    /** The bot's own password, for a gateway that logs in on the bot's account. */
    public Secret botPassword() {
        return bot.password();
    }

    /**
     * The bot's way to the server with another account: what a guest session connects with (and what a process
     * hosting guest sessions is given to build its own {@code GuestConnections}).
     */
    public ConnectionSettings settingsFor(EntityBareJid account, Secret password) {
        return new ConnectionSettings(account, password, bot.host(), bot.port(), bot.tls(),
                bot.trustedCertificate(), bot.avoidSaslMechanisms(), bot.resource(), bot.nick(), bot.pingInterval(),
                bot.replyTimeout(), bot.transport(), bot.boshUrl());
    }

    /**
     * Connects and logs in; blocks until the session is up or refused (call it on a thread of your own).
     *
     * @throws IOException, SmackException, XMPPException when the server cannot be reached or refuses the login
     */
    public AbstractXMPPConnection open(EntityBareJid account, Secret password, Resourcepart resource)
            throws IOException, SmackException, XMPPException, InterruptedException {
        ConnectionSettings guest = settingsFor(account, password).withResource(resource);
        AbstractXMPPConnection connection = Connections.create(guest);
        if (connection instanceof XMPPTCPConnection tcp) {
            tcp.setUseStreamManagement(false);
        }
        connection.setReplyTimeout(bot.replyTimeout().toMillis());
        connection.setParsingExceptionCallback(stanzaData ->
                log.debug("Guest session {}: dropped an unparsable stanza", resource));
        ReconnectionManager.getInstanceFor(connection).disableAutomaticReconnection();
        PingManager.getInstanceFor(connection).setPingInterval(-1);
        trim(connection);
        try {
            connection.connect().login();
        } catch (IOException | SmackException | XMPPException | InterruptedException | RuntimeException e) {
            connection.disconnect();
            throw e;
        }
        return connection;
    }

    /**
     * Takes off a guest session what only a user's client needs: the roster fetched at login (a guest has no
     * contacts; the server answers a request per login and the session waits for it before handling presences), and
     * entity capabilities (XEP-0115) in its presences, which would advertise the library's features for a visitor
     * who has none of them, and which every occupant of the room (hundreds of guest sessions in the bot's JVM, and the
     * bot) would parse and record for every one of its presences.
     */
    static void trim(AbstractXMPPConnection connection) {
        Roster.getInstanceFor(connection).setRosterLoadedAtLogin(false);
        EntityCapsManager.getInstanceFor(connection).disableEntityCaps();
    }
}
