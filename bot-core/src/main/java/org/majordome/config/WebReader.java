package org.majordome.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.text.Phrase;

/**
 * Reads the {@code web:} section for {@link ConfigLoader}: the embedded HTTP server, its web chat and its
 * operator console. Values that
 * end up in a security header ({@code frame-ancestors}) are checked strictly, so that no value can add a
 * directive; a keystore is opened with its password while the file is checked, so that a wrong one is reported
 * at its key rather than when the server starts.
 */
final class WebReader {

    static final Phrase BIND_EXPECTED = Phrase.of("config.expected.bind");
    static final Phrase PUBLIC_URL_EXPECTED = Phrase.of("config.expected.public-url");
    static final Phrase FRAME_ANCESTOR_EXPECTED = Phrase.of("config.expected.frame-ancestor");
    static final Phrase BAN_BY_EXPECTED = Phrase.of("config.expected.ban-by");

    private static final Pattern ORIGIN = Pattern.compile("https?://(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*"
            + "(:\\d{1,5})?");

    private WebReader() {
    }

    static Optional<WebSettings> web(ConfigReader top) {
        // Present but empty ("web:" alone) is a server without its port: reported, not silently off.
        if (!top.keys().contains("web")) {
            top.value("web");
            return Optional.empty();
        }
        ConfigReader section = top.section("web");
        ConfigProblems problems = section.problems();
        int before = problems.all().size();
        String bind = section.optional("bind", BIND_EXPECTED, WebReader::bindAddress).orElse(WebSettings.DEFAULT_BIND);
        Optional<Integer> port = section.required("port").flatMap(value -> value.asInt(1, 65535));
        Optional<URI> publicUrl = section.optional("public-url", PUBLIC_URL_EXPECTED, WebReader::publicUrl);
        List<String> proxies = section.list("trusted-proxies", value -> value.as(AddressRange.EXPECTED,
                text -> AddressRange.parse(text).toString()));
        Optional<TlsKeystore> tls = section.value("tls").flatMap(ConfigValue::asSection).flatMap(WebReader::tls);
        List<String> ancestors = section.list("frame-ancestors", value -> value.as(FRAME_ANCESTOR_EXPECTED,
                WebReader::frameAncestor));
        // "chat:" alone is the web chat with every default.
        boolean chatWritten = section.keys().contains("chat");
        ConfigReader chatSection = section.section("chat");
        Optional<WebChatSettings> chat = chatWritten ? chat(chatSection) : Optional.empty();
        Optional<ConsoleSettings> console = section.keys().contains("console") ? console(section.section("console"))
                : Optional.empty();
        section.rejectUnknownKeys();
        if (port.isEmpty() || problems.all().size() != before) {
            return Optional.empty();
        }
        return Optional.of(new WebSettings(bind, port.get(), publicUrl, proxies, tls, ancestors, chat, console));
    }

    private static String bindAddress(String text) {
        String address = text.strip();
        AddressRange.literal(address);
        return address;
    }

    private static URI publicUrl(String text) throws Exception {
        URI url = new URI(text.strip());
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean usable = (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null
                && url.getRawUserInfo() == null && url.getRawQuery() == null && url.getRawFragment() == null;
        if (!usable) {
            throw new IllegalArgumentException("not a usable public URL");
        }
        return url;
    }

    /** One CSP source: never a space, quote, comma or semicolon that would add another source or directive. */
    private static String frameAncestor(String text) {
        String value = text.strip();
        if (value.equals("self") || value.equals("'self'")) {
            return "'self'";
        }
        if (!ORIGIN.matcher(value).matches()) {
            throw new IllegalArgumentException("not an origin");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static Optional<TlsKeystore> tls(ConfigReader section) {
        Optional<ConfigValue> keystoreValue = section.required("keystore");
        Optional<Path> keystore = keystoreValue.flatMap(ConfigValue::asReadableFile);
        Optional<Secret> password = section.requiredSecret("password");
        section.rejectUnknownKeys();
        if (keystore.isEmpty() || password.isEmpty()) {
            return Optional.empty();
        }
        return keystoreProblem(keystore.get(), password.get())
                .map(problem -> {
                    keystoreValue.get().reportProblem(problem, true);
                    return Optional.<TlsKeystore>empty();
                })
                .orElseGet(() -> Optional.of(new TlsKeystore(keystore.get(), password.get())));
    }

    /** Why the keystore cannot serve TLS, if it cannot: opened now, so that a start does not fail on it. */
    static Optional<String> keystoreProblem(Path file, Secret password) {
        char[] secret = password.reveal().toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getKey(alias, secret) != null) {
                    return Optional.empty();
                }
            }
            return Optional.of("the keystore holds no private key with its certificate");
        } catch (IOException e) {
            return Optional.of(e.getCause() instanceof UnrecoverableKeyException
                    ? "the password (" + password.origin() + ") does not open the keystore"
                    : "not a PKCS#12 keystore, or the password (" + password.origin() + ") does not open it");
        } catch (UnrecoverableKeyException e) {
            return Optional.of("the password (" + password.origin() + ") does not open the keystore's key");
        } catch (GeneralSecurityException e) {
            return Optional.of("unusable keystore: " + e.getMessage());
        }
    }

    /**
     * The operator console: off unless {@code enabled: true} is written, so that adding the section to try a
     * lifetime never opens a login page by surprise.
     */
    private static Optional<ConsoleSettings> console(ConfigReader section) {
        boolean enabled = section.bool("enabled", false);
        Duration session = section.duration("session-lifetime", ConsoleSettings.DEFAULT_SESSION_LIFETIME);
        Duration link = section.duration("link-lifetime", ConsoleSettings.DEFAULT_LINK_LIFETIME);
        if (link.compareTo(Duration.ofHours(1)) > 0) {
            section.reportKeyProblem("link-lifetime", Phrase.of("config.problem.link-lifetime",
                    String.valueOf(link.toMinutes())));
        }
        section.rejectUnknownKeys();
        return enabled ? Optional.of(new ConsoleSettings(session, link)) : Optional.empty();
    }

    private static Optional<WebChatSettings> chat(ConfigReader section) {
        WebChatSettings defaults = WebChatSettings.defaults();
        Optional<ConfigReader> account = section.value("account").flatMap(ConfigValue::asSection);
        Optional<EntityBareJid> accountJid = account.flatMap(reader -> reader.required("jid")
                .flatMap(ConfigValue::asEntityBareJid));
        Optional<Secret> accountPassword = account.flatMap(reader -> reader.requiredSecret("password"));
        account.ifPresent(ConfigReader::rejectUnknownKeys);
        int perRoom = section.integer("visitors-per-room", 1, 100_000, defaults.visitorsPerRoom());
        int visitors = section.integer("visitors", 1, 100_000, defaults.visitors());
        int perAddress = section.integer("sessions-per-address", 1, 100_000, defaults.sessionsPerAddress());
        int rate = section.integer("messages-per-minute", 1, 10_000, defaults.messagesPerMinute());
        int length = section.integer("max-message-length", 1, 100_000, defaults.maxMessageLength());
        Duration idle = section.duration("idle-timeout", defaults.idleTimeout());
        int joinsAtOnce = section.integer("joins-at-once", 1, 1000, defaults.joinsAtOnce());
        WebChatSettings.Sessions sessions = section.enumValue("sessions", WebChatSettings.Sessions.class,
                defaults.sessions());
        int nice = section.integer("sessions-nice", 0, WebChatSettings.MAX_NICE, defaults.sessionsNice());
        Optional<ConfigValue> banByValue = section.value("ban-by");
        Set<String> banBy = banByValue.flatMap(value -> value.asListOf(item -> item.as(BAN_BY_EXPECTED, text -> {
            String kind = text.strip().toLowerCase(Locale.ROOT);
            if (!WebChatSettings.BAN_KINDS.contains(kind)) {
                throw new IllegalArgumentException(kind);
            }
            return kind;
        }))).<Set<String>>map(LinkedHashSet::new).orElse(defaults.banBy());
        if (banByValue.isPresent() && banBy.isEmpty()) {
            banByValue.get().reportProblem(Phrase.of("config.problem.ban-by-nothing"), false);
        }
        section.rejectUnknownKeys();
        if (account.isPresent() && (accountJid.isEmpty() || accountPassword.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new WebChatSettings(accountJid, accountPassword, perRoom, visitors, perAddress, rate, length,
                idle, banBy, joinsAtOnce, sessions, nice));
    }
}
