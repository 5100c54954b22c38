package org.majordome.config;

import java.net.URI;
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
 * @param transport            TCP or HTTP binding (BOSH)
 * @param boshUrl              the server's BOSH URL (http or https), present exactly when the transport is BOSH;
 *                             host, port and tls then apply to nothing
 */
public record ConnectionSettings(EntityBareJid jid, Secret password, Optional<String> host, int port, TlsMode tls,
                                 Optional<Path> trustedCertificate, Set<String> avoidSaslMechanisms,
                                 Resourcepart resource, Resourcepart nick, Duration pingInterval,
                                 Duration replyTimeout, Transport transport, Optional<URI> boshUrl) {
    public ConnectionSettings {
        avoidSaslMechanisms = Set.copyOf(avoidSaslMechanisms);
        if ((transport == Transport.BOSH) != boshUrl.isPresent()) {
            throw new IllegalArgumentException("a BOSH URL goes with transport BOSH, and only with it");
        }
    }

    /** Settings for a TCP connection. */
    public ConnectionSettings(EntityBareJid jid, Secret password, Optional<String> host, int port, TlsMode tls,
                              Optional<Path> trustedCertificate, Set<String> avoidSaslMechanisms,
                              Resourcepart resource, Resourcepart nick, Duration pingInterval, Duration replyTimeout) {
        this(jid, password, host, port, tls, trustedCertificate, avoidSaslMechanisms, resource, nick, pingInterval,
                replyTimeout, Transport.TCP, Optional.empty());
    }

    /** The same, bound to another resource (each instance of a cluster binds its own). */
    public ConnectionSettings withResource(Resourcepart value) {
        return new ConnectionSettings(jid, password, host, port, tls, trustedCertificate, avoidSaslMechanisms, value, nick,
                pingInterval, replyTimeout, transport, boshUrl);
    }

    /** The same account and behaviour, reached over HTTP binding at that URL (host and certificate are TCP's). */
    public ConnectionSettings overBosh(URI url) {
        return new ConnectionSettings(jid, password, Optional.empty(), port, tls, Optional.empty(), avoidSaslMechanisms,
                resource, nick, pingInterval, replyTimeout, Transport.BOSH, Optional.of(url));
    }
}
