package org.majordome.app;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.majordome.config.BotConfig;
import org.majordome.config.WebSettings;
import org.majordome.web.WebApp;
import org.majordome.web.WebServer;
import org.springframework.context.SmartLifecycle;

/**
 * The embedded HTTP server, when {@code web:} is configured, serving every {@link WebApp} bean. Its port is opened
 * when the bean is made, so that a port taken stops the start before the bot connects; it serves once the bot
 * keeps its rooms (it depends on {@link BotLifecycle}, which Spring therefore starts first and stops after it: the
 * visitors are gone before the bot leaves the rooms).
 */
final class WebLifecycle implements SmartLifecycle {

    private final Optional<WebServer> server;
    private volatile boolean running;

    private WebLifecycle(Optional<WebServer> server) {
        this.server = server;
    }

    /** @param bot only to be started after it (see the class comment) */
    static WebLifecycle of(BotConfig config, List<WebApp> apps, BotLifecycle bot) {
        return new WebLifecycle(config.web().map(web -> bound(config, web, apps)));
    }

    private static WebServer bound(BotConfig config, WebSettings web, List<WebApp> apps) {
        WebServer server = new WebServer(web, apps);
        try {
            server.bind();
        } catch (IOException e) {
            throw new StartupException(List.of(config.source() + ": web: cannot listen on " + web.bind() + " port "
                    + web.port() + ": " + e.getMessage()));
        }
        return server;
    }

    @Override
    public void start() {
        if (server.isEmpty()) {
            return;
        }
        try {
            server.get().start();
        } catch (Exception e) {
            server.get().close();
            throw new StartupException(List.of("web: the HTTP server could not start: " + e.getMessage()));
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        server.ifPresent(WebServer::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The port the web server listens on, when there is one. */
    Optional<Integer> port() {
        return server.map(WebServer::port);
    }
}
