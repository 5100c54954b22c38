package org.majordome.testing;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.majordome.web.WebApp;
import org.majordome.web.WebContext;

/**
 * The web chat served on a loopback port, with real WebSocket clients as its visitors (Jetty's client: what a
 * browser does on the wire, without a browser). The server is a bare Jetty with the app's handler and a plain
 * {@link WebContext} (the peer's address, no TLS, Origin compared with Host), so that the gateway is tested alone.
 */
public final class SocketVisitors implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Server server;
    private final String origin;
    private final HttpClient http;
    private final WebSocketClient sockets;
    private final List<SocketVisitor> visitors = new CopyOnWriteArrayList<>();
    /** The class-path paths the app asked the file handler for, in order. */
    private final List<String> filesAsked = new CopyOnWriteArrayList<>();

    private SocketVisitors(WebApp app) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(app.handler(server, new LoopbackContext()));
        server.start();
        origin = "http://127.0.0.1:" + connector.getLocalPort();
        http = startClients();
        sockets = new WebSocketClient(http);
        sockets.start();
    }

    private SocketVisitors(String origin) throws Exception {
        server = null;
        this.origin = origin;
        http = startClients();
        sockets = new WebSocketClient(http);
        sockets.start();
    }

    private static HttpClient startClients() throws Exception {
        HttpClient http = new HttpClient();
        // Every visitor is a browser of its own: no cookie is shared behind the test's back.
        http.setHttpCookieStore(new HttpCookieStore.Empty());
        http.start();
        return http;
    }

    /** Serves {@code app} on a free loopback port. */
    public static SocketVisitors serve(WebApp app) throws Exception {
        return new SocketVisitors(app);
    }

    /**
     * Visitors of a web chat served elsewhere ({@code origin}, e.g. {@code http://127.0.0.1:8080}): the clients alone,
     * for a load harness whose visitors run in a process of their own.
     */
    public static SocketVisitors clientsOf(String origin) throws Exception {
        return new SocketVisitors(origin);
    }

    public String origin() {
        return origin;
    }

    public List<String> filesAsked() {
        return filesAsked;
    }

    /** A plain GET, with an optional cookie. */
    public ContentResponse get(String path, String cookie) throws Exception {
        var request = http.newRequest(URI.create(origin() + path)).timeout(30, TimeUnit.SECONDS);
        if (cookie != null) {
            request.headers(headers -> headers.put(HttpHeader.COOKIE, cookie));
        }
        return request.send();
    }

    /** The identity cookie ({@code name=value}) a new browser gets from {@code /chat/rooms}. */
    public String newCookie() throws Exception {
        String setCookie = get("/chat/rooms", null).getHeaders().get(HttpHeader.SET_COOKIE);
        if (setCookie == null) {
            throw new IllegalStateException("/chat/rooms gave no cookie");
        }
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** A new browser: a cookie of its own, then the socket. */
    public SocketVisitor visitor() throws Exception {
        return visitor(newCookie(), origin());
    }

    /** A socket with this cookie ({@code name=value}, or null for none) and Origin (null for none). */
    public SocketVisitor visitor(String cookie, String origin) throws Exception {
        SocketVisitor visitor = new SocketVisitor(cookie);
        ClientUpgradeRequest upgrade = new ClientUpgradeRequest();
        if (cookie != null) {
            upgrade.setHeader("Cookie", cookie);
        }
        if (origin != null) {
            upgrade.setHeader("Origin", origin);
        }
        sockets.connect(visitor, URI.create(origin().replace("http:", "ws:") + "/chat/socket"), upgrade)
                .get(30, TimeUnit.SECONDS);
        visitors.add(visitor);
        return visitor;
    }

    @Override
    public void close() throws Exception {
        visitors.forEach(SocketVisitor::close);
        sockets.stop();
        http.stop();
        if (server != null) {
            server.stop();
        }
    }

    /** One visitor's socket: what it sent, what it received (each frame read as JSON). */
    public static final class SocketVisitor implements Session.Listener.AutoDemanding {

        private final String cookie;
        private final List<Map<String, Object>> frames = new CopyOnWriteArrayList<>();
        private volatile Session session;
        private volatile boolean closed;
        private volatile java.util.function.Consumer<String> tap;

        SocketVisitor(String cookie) {
            this.cookie = cookie;
        }

        public String cookie() {
            return cookie;
        }

        @Override
        public void onWebSocketOpen(Session opened) {
            session = opened;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void onWebSocketText(String text) {
            java.util.function.Consumer<String> listener = tap;
            if (listener != null) {
                listener.accept(text);
                return;
            }
            try {
                frames.add(JSON.readValue(text, Map.class));
            } catch (Exception e) {
                frames.add(Map.of("type", "unreadable", "text", text));
            }
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, org.eclipse.jetty.websocket.api.Callback callback) {
            closed = true;
            callback.succeed();
        }

        /** From now on, frames go to {@code listener} as they come and are no longer kept (load harnesses). */
        public void tap(java.util.function.Consumer<String> listener) {
            tap = listener;
            frames.clear();
        }

        /** A socket cut under way (the server closed it, the test ends): the frames say what happened. */
        @Override
        public void onWebSocketError(Throwable cause) {
            closed = true;
        }

        public boolean isOpen() {
            return !closed && session != null && session.isOpen();
        }

        public List<Map<String, Object>> frames() {
            return List.copyOf(frames);
        }

        public void send(String text) {
            session.sendText(text, org.eclipse.jetty.websocket.api.Callback.NOOP);
        }

        public void join(String room, String nick) throws Exception {
            send(JSON.writeValueAsString(Map.of("type", "join", "room", room, "nick", nick)));
        }

        public void say(String text) throws Exception {
            send(JSON.writeValueAsString(Map.of("type", "say", "text", text)));
        }

        public void whisper(String to, String text) throws Exception {
            send(JSON.writeValueAsString(Map.of("type", "private", "to", to, "text", text)));
        }

        public void leave() {
            send("{\"type\":\"leave\"}");
        }

        /** Waits for a frame of this type matching {@code matches}; returns it. */
        public Map<String, Object> await(String type, Predicate<Map<String, Object>> matches) {
            return org.awaitility.Awaitility.await().atMost(WAIT).until(() -> frames.stream()
                    .filter(frame -> type.equals(frame.get("type")) && matches.test(frame))
                    .findFirst().orElse(null), frame -> frame != null);
        }

        /** Waits until this visitor is in a room ({@code joined}), after a {@link #join}. */
        public Map<String, Object> awaitJoined() {
            return await("joined", frame -> true);
        }

        public Map<String, Object> awaitError(String code) {
            return await("error", frame -> code.equals(frame.get("code")));
        }

        public void close() {
            Session current = session;
            if (current != null && current.isOpen()) {
                current.close();
            }
        }
    }

    /** A server with no proxy and no TLS: the peer is the client, and a page of this server has Origin = Host. */
    private final class LoopbackContext implements WebContext {

        @Override
        public InetAddress clientAddress(Request request) {
            try {
                return InetAddress.getByName(Request.getRemoteAddr(request));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean secure(Request request) {
            return false;
        }

        @Override
        public boolean sameOrigin(Request request) {
            String origin = request.getHeaders().get(HttpHeader.ORIGIN);
            String host = request.getHeaders().get(HttpHeader.HOST);
            return origin != null && host != null && origin.equals("http://" + host);
        }

        @Override
        public Handler classpathFiles(String directory) {
            return new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    filesAsked.add(directory + request.getHttpURI().getPath());
                    Response.writeError(request, response, callback, 404);
                    return true;
                }
            };
        }
    }
}
