package org.majordome.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.majordome.room.RoomKeeper;
import org.majordome.room.RoomStatus;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health/live} (the process answers), {@code GET /health/ready} (connected, in every
 * configured room and done with its configuration; 503 with the rooms that are not, otherwise) and
 * {@code GET /metrics} (Prometheus).
 * The JDK's own HTTP server: three plain endpoints do not justify a web framework.
 */
public final class HealthServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HealthServer.class);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public HealthServer(String address, int port, XmppSession session, RoomKeeper rooms, Supplier<String> metrics)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, port), 16);
        server.setExecutor(executor);
        server.createContext("/health/live", exchange -> respond(exchange, 200, "text/plain", "UP\n"));
        server.createContext("/health/ready", exchange -> {
            List<RoomStatus> notReady = rooms.status().stream().filter(status -> !status.ready()).toList();
            // Refused declared affiliations do not make a room unready (it serves its occupants), but they are shown.
            StringBuilder unapplied = new StringBuilder();
            rooms.status().stream().filter(status -> !status.unapplied().isEmpty()).forEach(status -> unapplied
                    .append(status.roomJid()).append(": not applied: ")
                    .append(String.join("; ", status.unapplied())).append('\n'));
            if (session.isOnline() && notReady.isEmpty()) {
                respond(exchange, 200, "text/plain", "READY\n" + unapplied);
            } else {
                StringBuilder body = new StringBuilder("NOT READY\n");
                if (!session.isOnline()) {
                    body.append("not connected\n");
                }
                notReady.forEach(status -> body.append(status.roomJid()).append(": ").append(status.state())
                        .append(status.state() == RoomStatus.State.JOINED ? " (configuration not checked yet)" : "")
                        .append(status.problem().map(problem -> " (" + problem + ")").orElse("")).append('\n'));
                respond(exchange, 503, "text/plain", body.append(unapplied).toString());
            }
        });
        server.createContext("/metrics", exchange ->
                respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
        server.start();
        log.info("Health and metrics on http://{}:{}/ (health/live, health/ready, metrics)", address,
                server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
