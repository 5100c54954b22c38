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
 */
public record WebSettings(String bind, int port, Optional<URI> publicUrl, List<String> trustedProxies,
                          Optional<TlsKeystore> tls, List<String> frameAncestors, Optional<WebChatSettings> chat) {

    /** The default listening address: loopback, so that nothing is exposed by accident. */
    public static final String DEFAULT_BIND = "127.0.0.1";

    public WebSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(publicUrl, "publicUrl");
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(tls, "tls");
        frameAncestors = List.copyOf(frameAncestors);
        Objects.requireNonNull(chat, "chat");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
    }

    /** A server on loopback at the given port (0: any free one), without proxies, TLS, frames or chat. */
    public static WebSettings onLoopback(int port) {
        return new WebSettings(DEFAULT_BIND, port, Optional.empty(), List.of(), Optional.empty(), List.of(),
                Optional.empty());
    }

    public WebSettings withPublicUrl(URI url) {
        return new WebSettings(bind, port, Optional.of(url), trustedProxies, tls, frameAncestors, chat);
    }

    public WebSettings withTrustedProxies(List<String> proxies) {
        return new WebSettings(bind, port, publicUrl, proxies, tls, frameAncestors, chat);
    }

    public WebSettings withTls(TlsKeystore keystore) {
        return new WebSettings(bind, port, publicUrl, trustedProxies, Optional.of(keystore), frameAncestors, chat);
    }

    public WebSettings withFrameAncestors(List<String> ancestors) {
        return new WebSettings(bind, port, publicUrl, trustedProxies, tls, ancestors, chat);
    }

    public WebSettings withChat(WebChatSettings settings) {
        return new WebSettings(bind, port, publicUrl, trustedProxies, tls, frameAncestors, Optional.of(settings));
    }
}
