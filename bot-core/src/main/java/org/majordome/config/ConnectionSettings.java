package org.majordome.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * How the bot reaches its XMPP server.
 *
 * @param jid                  the bot's account
 * @param password             its password
 * @param host                 host name or address to connect to, when not found from the JID's domain
 * @param port                 client port (5222 by default)
 * @param tls                  TLS mode
 * @param trustedCertificate   a PEM certificate to trust in addition to the system's (self-signed servers)
 * @param avoidSaslMechanisms  SASL mechanisms never to use (e.g. SCRAM-SHA-1-PLUS against old ejabberd)
 * @param resource             the resource to bind
 * @param nick                 default nickname in rooms
 * @param pingInterval         how often the server is pinged to detect a dead connection
 * @param replyTimeout         how long to wait for the server's answer to a request
 */
public record ConnectionSettings(EntityBareJid jid, Secret password, Optional<String> host, int port, TlsMode tls,
                                 Optional<Path> trustedCertificate, Set<String> avoidSaslMechanisms,
                                 Resourcepart resource, Resourcepart nick, Duration pingInterval,
                                 Duration replyTimeout) {
    public ConnectionSettings {
        avoidSaslMechanisms = Set.copyOf(avoidSaslMechanisms);
    }
}
