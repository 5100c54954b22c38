package org.majordome.xmpp;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.bosh.BOSHConfiguration;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.majordome.config.ConnectionSettings;
import org.minidns.dnsname.DnsName;

/**
 * Builds the connection the settings ask for: TCP with STARTTLS (RFC 6120) and stream management (XEP-0198), or
 * HTTP binding (XEP-0124, XEP-0206). Both are Smack {@link AbstractXMPPConnection}s, so every manager and listener
 * of the bot works the same over either.
 */
final class Connections {

    /** Smack registers mechanisms by class; enabling them takes names, so these are the ones it may offer. */
    private static final List<String> KNOWN_SASL_MECHANISMS = List.of("SCRAM-SHA-1-PLUS", "SCRAM-SHA-1", "PLAIN",
            "EXTERNAL", "DIGEST-MD5", "X-OAUTH2", "GSSAPI", "ANONYMOUS");

    private Connections() {
    }

    static AbstractXMPPConnection create(ConnectionSettings settings) {
        return switch (settings.transport()) {
            case TCP -> tcp(settings);
            case BOSH -> bosh(settings, settings.boshUrl().orElseThrow());
        };
    }

    /** Where the connection goes, for log lines. */
    static String target(ConnectionSettings settings) {
        return switch (settings.transport()) {
            case TCP -> settings.host().orElse(settings.jid().getDomain().toString()) + ":" + settings.port();
            case BOSH -> settings.boshUrl().orElseThrow().toString();
        };
    }

    private static XMPPTCPConnection tcp(ConnectionSettings settings) {
        XMPPTCPConnectionConfiguration.Builder builder = common(XMPPTCPConnectionConfiguration.builder(), settings)
                .setPort(settings.port())
                .setConnectTimeout((int) settings.replyTimeout().toMillis())
                .setSocketFactory(new NoDelaySocketFactory())
                .setSecurityMode(switch (settings.tls()) {
                    case REQUIRED -> SecurityMode.required;
                    case IF_POSSIBLE -> SecurityMode.ifpossible;
                    case DISABLED -> SecurityMode.disabled;
                });
        settings.host().ifPresent(builder::setHostAddressByNameOrIp);
        if (settings.trustedCertificate().isPresent()) {
            try {
                builder.setCustomX509TrustManager(TrustedCertificate.systemPlus(settings.trustedCertificate().get()));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("Cannot read trusted certificate "
                        + settings.trustedCertificate().get() + ": " + e.getMessage(), e);
            }
        }
        XMPPTCPConnection connection = new XMPPTCPConnection(builder.build());
        connection.setUseStreamManagement(true);
        connection.setUseStreamManagementResumption(true);
        return connection;
    }

    /**
     * BOSH has no STARTTLS: https secures it, below XMPP, and Smack's BOSH connection never calls itself secure,
     * so Smack's own TLS requirement is off (it would refuse every BOSH login). The BOSH library checks an https
     * server's certificate against the Java runtime's trust store.
     */
    private static BoshConnection bosh(ConnectionSettings settings, URI url) {
        boolean https = url.getScheme().equalsIgnoreCase("https");
        BOSHConfiguration.Builder builder = common(BOSHConfiguration.builder(), settings)
                .setUseHttps(https)
                // A DNS name even for an IP address: Smack writes the URL with the host's string, and the string of
                // an address (what setHost(CharSequence) makes of an IP) starts with a slash.
                .setHost(DnsName.from(url.getHost()))
                .setPort(url.getPort() > 0 ? url.getPort() : https ? 443 : 80)
                .setFile(url.getRawPath())
                .setSecurityMode(SecurityMode.disabled);
        return new BoshConnection(builder.build());
    }

    private static <B extends ConnectionConfiguration.Builder<B, ?>> B common(B builder, ConnectionSettings settings) {
        builder.setXmppDomain(settings.jid().asDomainBareJid())
                .setUsernameAndPassword(settings.jid().getLocalpart(), settings.password().reveal())
                .setResource(settings.resource())
                .setSendPresence(true);
        if (!settings.avoidSaslMechanisms().isEmpty()) {
            Set<String> avoided = settings.avoidSaslMechanisms().stream()
                    .map(String::toUpperCase).collect(Collectors.toSet());
            List<String> allowed = KNOWN_SASL_MECHANISMS.stream()
                    .filter(SASLAuthentication::isSaslMechanismRegistered)
                    .filter(name -> !SASLAuthentication.getBlacklistedSASLMechanisms().contains(name))
                    .filter(name -> !avoided.contains(name))
                    .toList();
            builder.addEnabledSaslMechanism(allowed);
        }
        return builder;
    }
}
