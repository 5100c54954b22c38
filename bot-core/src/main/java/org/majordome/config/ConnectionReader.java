package org.majordome.config;

import static org.majordome.config.ConfigLoader.DEFAULT_NICK;
import static org.majordome.config.ConfigLoader.DEFAULT_PING_INTERVAL;
import static org.majordome.config.ConfigLoader.DEFAULT_PORT;
import static org.majordome.config.ConfigLoader.DEFAULT_REPLY_TIMEOUT;
import static org.majordome.config.ConfigLoader.DEFAULT_RESOURCE;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.text.Phrase;

/**
 * The {@code connection} section: the account, and how the stream reaches the server (TCP, or HTTP binding to
 * a BOSH URL). Keys that only one transport uses are refused with the other, so that nobody believes a
 * {@code port} or {@code tls} setting protects a BOSH connection.
 */
final class ConnectionReader {

    static final Phrase BOSH_URL_EXPECTED = Phrase.of("config.expected.bosh-url");

    private static final Pattern SASL_MECHANISM = Pattern.compile("[A-Z0-9_-]{1,20}");
    /** Keys only a TCP connection uses. */
    private static final List<String> TCP_ONLY_KEYS = List.of("host", "port", "tls", "trusted-certificate");

    private ConnectionReader() {
    }

    static Optional<ConnectionSettings> connection(ConfigReader section) {
        Optional<EntityBareJid> jid = section.required("jid").flatMap(ConfigValue::asEntityBareJid);
        Optional<Secret> password = section.required("password").flatMap(value -> value.asSecret().filter(secret -> {
            if (secret.reveal().isEmpty()) {
                value.reportProblem(Phrase.of("config.problem.empty-password"), false);
                return false;
            }
            return true;
        }));
        Optional<String> host = section.value("host").flatMap(ConfigValue::asNonBlankString);
        int port = section.integer("port", 1, 65535, DEFAULT_PORT);
        TlsMode tls = section.enumValue("tls", TlsMode.class, TlsMode.REQUIRED);
        Optional<Path> trustedCertificate = section.value("trusted-certificate").flatMap(ConfigValue::asReadableFile);
        List<String> avoidSaslMechanisms = section.list("avoid-sasl-mechanisms",
                value -> value.as(Phrase.of("config.expected.sasl-mechanism"), text -> {
                    String mechanism = text.strip().toUpperCase(Locale.ROOT);
                    if (!SASL_MECHANISM.matcher(mechanism).matches()) {
                        throw new IllegalArgumentException("not a mechanism name");
                    }
                    return mechanism;
                }));
        Resourcepart resource = section.value("resource").flatMap(ConfigValue::asNickname)
                .orElse(Resourcepart.fromOrThrowUnchecked(DEFAULT_RESOURCE));
        Resourcepart nick = section.value("nick").flatMap(ConfigValue::asNickname)
                .orElse(Resourcepart.fromOrThrowUnchecked(DEFAULT_NICK));
        Duration pingInterval = section.duration("ping-interval", DEFAULT_PING_INTERVAL);
        Duration replyTimeout = section.duration("reply-timeout", DEFAULT_REPLY_TIMEOUT);
        // Read last, so that the list of keys an unknown key is compared with starts with the common ones.
        Transport transport = section.enumValue("transport", Transport.class, Transport.TCP);
        Optional<ConfigValue> boshUrlValue = section.value("bosh-url");
        Optional<URI> boshUrl = boshUrlValue.flatMap(ConnectionReader::asBoshUrl);
        boolean transportFits = checkTransportKeys(section, transport, boshUrlValue);
        section.rejectUnknownKeys();
        if (jid.isEmpty() || password.isEmpty() || !transportFits
                || transport == Transport.BOSH && boshUrl.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConnectionSettings(jid.get(), password.get(), host, port, tls, trustedCertificate,
                Set.copyOf(avoidSaslMechanisms), resource, nick, pingInterval, replyTimeout, transport,
                transport == Transport.BOSH ? boshUrl : Optional.empty()));
    }

    /** Reports the keys the chosen transport cannot use, and a BOSH transport without its URL. */
    private static boolean checkTransportKeys(ConfigReader section, Transport transport,
                                              Optional<ConfigValue> boshUrl) {
        boolean fits = true;
        if (transport == Transport.TCP) {
            if (boshUrl.isPresent()) {
                boshUrl.get().reportProblem(Phrase.of("config.problem.bosh-url-without-bosh"), true);
                fits = false;
            }
            return fits;
        }
        if (boshUrl.isEmpty()) {
            section.reportKeyProblem("transport", Phrase.of("config.problem.bosh-without-url"));
            fits = false;
        }
        for (String key : TCP_ONLY_KEYS) {
            Optional<ConfigValue> value = section.value(key);
            if (value.isPresent()) {
                value.get().reportProblem(Phrase.of("config.problem.tcp-only", key, overBosh(key)), true);
                fits = false;
            }
        }
        return fits;
    }

    private static Phrase overBosh(String key) {
        return Phrase.of(switch (key) {
            case "host", "port" -> "config.problem.tcp-only.where";
            case "tls" -> "config.problem.tcp-only.tls";
            default -> "config.problem.tcp-only.certificate";
        });
    }

    private static Optional<URI> asBoshUrl(ConfigValue value) {
        return value.as(BOSH_URL_EXPECTED, text -> {
            URI url = new URI(text.strip());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            // The XMPP library rebuilds the URL from scheme, host, port and path: anything else would be lost.
            boolean usable = (scheme.equals("http") || scheme.equals("https"))
                    && url.getHost() != null && !url.getHost().startsWith("[")
                    && url.getRawUserInfo() == null && url.getRawQuery() == null && url.getRawFragment() == null
                    && url.getRawPath() != null && url.getRawPath().startsWith("/");
            if (!usable) {
                throw new IllegalArgumentException("not a usable BOSH URL");
            }
            return url;
        });
    }
}
