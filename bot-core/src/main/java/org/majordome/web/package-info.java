/**
 * The embedded HTTP server: everything the bot serves over HTTP (the web chat for visitors; later pages too) goes
 * through one {@link org.majordome.web.WebServer}, Jetty 12's core API without servlets, configured by the
 * {@code web:} section ({@link org.majordome.config.WebSettings}) and off when it is absent.
 *
 * <p>A {@link org.majordome.web.WebApp} names its path prefix and gives a Jetty handler, mounted in a context at
 * that prefix; the server answers 404 elsewhere. Apps learn what the server knows of a request through
 * {@link org.majordome.web.WebContext}: the client's address (the peer's, or the one a trusted reverse proxy
 * forwarded: {@code Forwarded}, RFC 7239, and {@code X-Forwarded-*} are believed from {@code web.trusted-proxies}
 * only), whether the request came over HTTPS, whether its {@code Origin} is this server (for WebSocket upgrades),
 * and a handler for the files of a class-path directory.
 *
 * <p>Every response, errors included, carries a strict Content Security Policy (no inline script or style, only
 * the bot's own resources and connections; {@code frame-ancestors} from {@code web.frame-ancestors}),
 * {@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: no-referrer}. TLS, when configured, comes from
 * a PKCS#12 keystore. This package touches only {@code config} (its settings); the {@code app} package starts the
 * server after the rooms are kept, with every {@code WebApp} bean, and stops it first on shutdown.
 */
package org.majordome.web;
