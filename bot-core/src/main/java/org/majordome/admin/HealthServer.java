package org.majordome.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.majordome.cluster.ClusterView;
import org.majordome.room.RoomKeeper;
import org.majordome.room.RoomStatus;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health/live} (the process answers), {@code GET /health/ready} (connected, in every
 * configured room and done with its configuration; 503 with the rooms that are not, otherwise; an instance of a
 * cluster is ready in the rooms it holds, and says which they are), {@code GET /health/cluster} (an instance of a
 * cluster: every live instance with its rooms and last renewal; 404 for a bot that runs alone) and
 * {@code GET /metrics} (Prometheus).
 * The JDK's own HTTP server: three plain endpoints do not justify a web framework.
 */
public final class HealthServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HealthServer.class);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public HealthServer(String address, int port, XmppSession session, RoomKeeper rooms, Supplier<String> metrics)
            throws IOException {
        this(address, port, session, rooms, metrics, Optional.empty(), Clock.systemUTC());
    }

    /** As above, for an instance of a cluster ({@code cluster}'s view; empty when the bot runs alone). */
    public HealthServer(String address, int port, XmppSession session, RoomKeeper rooms, Supplier<String> metrics,
                        Optional<Supplier<ClusterView>> cluster, Clock clock) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, port), 16);
        server.setExecutor(executor);
        server.createContext("/health/live", exchange -> respond(exchange, 200, "text/plain", "UP\n"));
        server.createContext("/health/ready", exchange -> {
            List<RoomStatus> notReady = rooms.status().stream().filter(status -> !status.ready()).toList();
            // Refused declared affiliations do not make a room unready (it serves its occupants), but they are shown.
            StringBuilder details = new StringBuilder();
            rooms.status().stream().filter(status -> !status.unapplied().isEmpty()).forEach(status -> details
                    .append(status.roomJid()).append(": not applied: ")
                    .append(String.join("; ", status.unapplied())).append('\n'));
            // Which rooms this instance holds, so that a load balancer's or an operator's look at one instance says.
            cluster.ifPresent(view -> details.append(heldLine(view.get())));
            if (session.isOnline() && notReady.isEmpty()) {
                respond(exchange, 200, "text/plain", "READY\n" + details);
            } else {
                StringBuilder body = new StringBuilder("NOT READY\n");
                if (!session.isOnline()) {
                    body.append("not connected\n");
                }
                notReady.forEach(status -> body.append(status.roomJid()).append(": ").append(status.state())
                        .append(status.state() == RoomStatus.State.JOINED ? " (configuration not checked yet)" : "")
                        .append(status.problem().map(problem -> " (" + problem + ")").orElse("")).append('\n'));
                respond(exchange, 503, "text/plain", body.append(details).toString());
            }
        });
        server.createContext("/health/cluster", exchange -> {
            if (cluster.isPresent()) {
                respond(exchange, 200, "text/plain; charset=utf-8",
                        ClusterStatusText.describe(cluster.get().get(), clock.instant()));
            } else {
                respond(exchange, 404, "text/plain", "not in a cluster: this bot keeps every room alone\n");
            }
        });
        server.createContext("/metrics", exchange ->
                respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
        server.start();
        log.info("Health and metrics on http://{}:{}/ (health/live, health/ready, metrics)", address,
                server.getAddress().getPort());
    }

    /** "cluster instance a, acting in 2 rooms: r1, r2" on one line. */
    static String heldLine(ClusterView view) {
        return "cluster instance " + view.instance() + ", acting in " + view.acting().size()
                + (view.acting().size() == 1 ? " room" : " rooms") + (view.acting().isEmpty() ? ""
                : ": " + String.join(", ", new java.util.TreeSet<>(view.acting()))) + '\n';
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
