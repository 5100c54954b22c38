package org.majordome.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded HTTP server ({@code web:}); absent from the file, the bot serves no HTTP at all (the health
 * endpoint of {@code monitoring} aside).
 *
 * @param bind           the address to listen on ({@code 127.0.0.1} by default: a reverse proxy in front exposes it)
 * @param port           the port; 0 (only in tests) takes any free one
 * @param publicUrl      the URL visitors use, when a proxy or a name stands in front: it decides which
 *                       {@code Origin} is this server's, and makes links
 * @param trustedProxies addresses and CIDR ranges ({@link AddressRange}) whose {@code Forwarded} and
 *                       {@code X-Forwarded-*} headers are believed; nobody else's are
 * @param tls            the keystore when the bot itself speaks HTTPS
 * @param frameAncestors the origins allowed to embed the pages in a frame (CSP {@code frame-ancestors}), each an
 *                       origin such as {@code https://club.example.org} or {@code 'self'}; empty: nobody
 * @param chat           the web chat for visitors, when configured
 * @param console        the operator console, when configured ({@code web.console} with {@code enabled: true})
 */
public record WebSettings(String bind, int port, Optional<URI> publicUrl, List<String> trustedProxies,
                          Optional<TlsKeystore> tls, List<String> frameAncestors, Optional<WebChatSettings> chat,
                          Optional<ConsoleSettings> console) {

    /** The default listening address: loopback, so that nothing is exposed by accident. */
    public static final String DEFAULT_BIND = "127.0.0.1";

    public WebSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(publicUrl, "publicUrl");
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(tls, "tls");
        frameAncestors = List.copyOf(frameAncestors);
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(console, "console");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
    }

    /** Settings without the operator console. */
    public WebSettings(String bind, int port, Optional<URI> publicUrl, List<String> trustedProxies,
                       Optional<TlsKeystore> tls, List<String> frameAncestors, Optional<WebChatSettings> chat) {
        this(bind, port, publicUrl, trustedProxies, tls, frameAncestors, chat, Optional.empty());
    }

    /** A server on loopback at the given port (0: any free one), without proxies, TLS, frames or chat. */
    public static WebSettings onLoopback(int port) {
        return new WebSettings(DEFAULT_BIND, port, Optional.empty(), List.of(), Optional.empty(), List.of(),
                Optional.empty());
    }

    public WebSettings withPublicUrl(URI url) {
        return new WebSettings(bind, port, Optional.of(url), trustedProxies, tls, frameAncestors, chat, console);
    }

    public WebSettings withTrustedProxies(List<String> proxies) {
        return new WebSettings(bind, port, publicUrl, proxies, tls, frameAncestors, chat, console);
    }

    public WebSettings withTls(TlsKeystore keystore) {
        return new WebSettings(bind, port, publicUrl, trustedProxies, Optional.of(keystore), frameAncestors, chat, console);
    }

    public WebSettings withFrameAncestors(List<String> ancestors) {
        return new WebSettings(bind, port, publicUrl, trustedProxies, tls, ancestors, chat, console);
    }

    public WebSettings withChat(WebChatSettings settings) {
        return new WebSettings(bind, port, publicUrl, trustedProxies, tls, frameAncestors, Optional.of(settings),
                console);
    }

    public WebSettings withConsole(ConsoleSettings settings) {
        return new WebSettings(bind, port, publicUrl, trustedProxies, tls, frameAncestors, chat, Optional.of(settings));
    }
}
