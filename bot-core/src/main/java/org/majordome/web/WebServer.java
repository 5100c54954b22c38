package org.majordome.web;

import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.majordome.config.TlsKeystore;
import org.majordome.config.WebSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's one HTTP server (Jetty 12, core API, no servlets): every {@link WebApp} under its path prefix, a 404
 * elsewhere, the {@link SecurityHeaders} on every response, forwarded headers believed from trusted proxies only
 * ({@link ForwardedByTrustedProxies}), HTTPS when a keystore is configured.
 *
 * <p>Each app's handler is mounted in a {@link ContextHandler} at its prefix, so its requests' path in context is
 * relative to it ({@code /chat/rooms} is {@code /rooms}; {@code /chat} alone is redirected to {@code /chat/}). An app
 * that needs its context handler itself, as a WebSocket upgrade does
 * ({@code WebSocketUpgradeHandler.from(server, context)}), returns a {@code ContextHandler} of its own: it is mounted
 * as it is, at the app's prefix.
 *
 * <p>{@link #bind()} opens the port (so that a port taken is a start problem, reported before the bot connects),
 * {@link #start()} serves, {@link #close()} stops.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
    private static final long STOP_TIMEOUT_MILLIS = 5_000;

    private final WebSettings settings;
    private final Server server;
    private final ServerConnector connector;
    private final List<String> prefixes;

    /**
     * Builds the server and asks every app for its handler; nothing listens yet.
     *
     * @throws IllegalArgumentException when a prefix is malformed or two apps share one
     */
    public WebServer(WebSettings settings, List<WebApp> apps) {
        this.settings = settings;
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("web");
        server = new Server(threads);
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
        SecurityHeaders headers = new SecurityHeaders(settings.frameAncestors());
        connector = connector(settings);
        server.addConnector(connector);
        server.setErrorHandler(headers.errorHandler());

        ServerWebContext context = new ServerWebContext(settings.publicUrl(), WebServer.class.getClassLoader());
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        Set<String> seen = new HashSet<>();
        for (WebApp app : apps) {
            String prefix = app.pathPrefix();
            if (!PREFIX.matcher(prefix).matches() || !seen.add(prefix)) {
                throw new IllegalArgumentException("web app " + app + ": path prefix '" + prefix + "' is "
                        + (seen.contains(prefix) ? "served already" : "not of the form /name or /name/name"));
            }
            contexts.addHandler(mounted(app.handler(server, context), prefix));
        }
        prefixes = List.copyOf(seen);
        server.setHandler(headers.handler(contexts));
    }

    private static ContextHandler mounted(Handler handler, String prefix) {
        ContextHandler mounted = handler instanceof ContextHandler own ? own : new ContextHandler(handler);
        mounted.setContextPath(prefix);
        return mounted;
    }

    private ServerConnector connector(WebSettings web) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.addCustomizer(new ForwardedByTrustedProxies(web.trustedProxies()));
        ServerConnector made;
        if (web.tls().isPresent()) {
            http.addCustomizer(new SecureRequestCustomizer());
            made = new ServerConnector(server, new SslConnectionFactory(tls(web.tls().get()),
                    HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(http));
        } else {
            made = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        made.setHost(web.bind());
        made.setPort(web.port());
        return made;
    }

    private static SslContextFactory.Server tls(TlsKeystore keystore) {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setKeyStorePath(keystore.keystore().toString());
        factory.setKeyStoreType("PKCS12");
        factory.setKeyStorePassword(keystore.password().reveal());
        return factory;
    }

    /**
     * Opens the listening socket.
     *
     * @throws IOException when the address cannot be listened on (taken, or not this machine's)
     */
    public void bind() throws IOException {
        connector.open();
    }

    /** Serves (binding first if {@link #bind()} was not called). */
    public void start() throws Exception {
        server.start();
        log.info("Web server on {} serving {}", url(), prefixes.isEmpty() ? "nothing (no web app configured)"
                : String.join(", ", prefixes.stream().sorted().toList()));
    }

    /** The port listened on (the one the system chose when the settings say 0); -1 before {@link #bind()}. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Where this server is reached directly (not through a proxy): scheme, bind address and port. */
    public URI url() {
        String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
        return URI.create((settings.tls().isPresent() ? "https" : "http") + "://" + host + ":" + port() + "/");
    }

    @Override
    public void close() {
        if (!server.isStarted() && !connector.isOpen()) {
            return;
        }
        try {
            server.stop();
            connector.close();
            log.info("Web server stopped");
        } catch (Exception e) {
            log.warn("Web server did not stop cleanly: {}", e.toString());
        }
    }
}
