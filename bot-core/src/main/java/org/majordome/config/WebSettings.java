package org.majordome.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The embedded HTTP server ({@code web:}); absent, the bot serves no HTTP at all.
 *
 * @param bind           the address to listen on
 * @param port           the port to listen on
 * @param publicUrl      the URL people reach the bot at (behind a proxy), for Origin checks and links
 * @param trustedProxies addresses or CIDRs whose forwarded headers are believed
 * @param tls            the key store when the bot itself speaks HTTPS
 * @param frameAncestors who may embed the pages in an iframe; empty: nobody
 * @param chat           the web chat for visitors, when enabled
 */
public record WebSettings(String bind, int port, Optional<URI> publicUrl, List<String> trustedProxies,
                          Optional<TlsKeystore> tls, List<String> frameAncestors, Optional<WebChatSettings> chat) {
    public WebSettings {
        trustedProxies = List.copyOf(trustedProxies);
        frameAncestors = List.copyOf(frameAncestors);
    }

}
