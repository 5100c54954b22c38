package org.majordome.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.majordome.webchat.PageTexts;

/**
 * A stand-in for the web chat, to test the page before (and apart from) the gateway: it serves the page's files,
 * {@code /chat/texts} and {@code /chat/rooms} as the real one does, and answers the socket protocol with a script: a join gets the
 * room's occupants and history then {@code joined} (or an error for the nick {@code taken}), a message is
 * reflected, a leave is answered. The test pushes anything else ({@link #push}) and reads what the page sent
 * ({@link #received()}). It is also the example of a {@link WebApp} with a WebSocket: it returns its own
 * {@link ContextHandler}, which the server mounts at its prefix.
 */
public final class FakeChatApp implements WebApp {

    static final String LOBBY = "lobby@conference.localhost";
    static final String STAFF = "staff@conference.localhost";

    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private volatile List<Map<String, Object>> rooms = defaultRooms();
    private volatile Session session;
    private volatile String nick;

    static List<Map<String, Object>> defaultRooms() {
        return List.of(
                room(LOBBY, "Lobby", "Where everyone meets", "Welcome to the club", 3),
                room(STAFF, "Staff room", "", "", 1));
    }

    static Map<String, Object> room(String jid, String title, String description, String subject, int occupants) {
        return room(jid, title, description, subject, occupants, "en");
    }

    /** A room of the list that speaks {@code language} (a tag: {@code fr}). */
    static Map<String, Object> room(String jid, String title, String description, String subject, int occupants,
                                    String language) {
        Map<String, Object> room = new LinkedHashMap<>();
        room.put("language", language);
        room.put("jid", jid);
        room.put("title", title);
        room.put("description", description);
        room.put("subject", subject);
        room.put("occupants", occupants);
        return room;
    }

    /** What {@code /chat/rooms} lists from now on. */
    void rooms(List<Map<String, Object>> value) {
        rooms = List.copyOf(value);
    }

    /** Forgets the messages received and lists the default rooms again. */
    void reset() {
        received.clear();
        rooms = defaultRooms();
    }

    List<Map<String, String>> received() {
        return List.copyOf(received);
    }

    /** Sends a message to the page, as the gateway would; waits until it was written. */
    void push(Map<String, Object> message) {
        Session current = session;
        if (current == null) {
            throw new IllegalStateException("no page is connected");
        }
        send(current, message);
    }

    @Override
    public String pathPrefix() {
        return "/chat";
    }

    @Override
    public Handler handler(Server server, WebContext web) {
        ContextHandler context = new ContextHandler();
        Handler files = web.classpathFiles("org/majordome/webchat/page");
        WebSocketUpgradeHandler sockets = WebSocketUpgradeHandler.from(server, context);
        sockets.configure(container -> container.addMapping("/socket", (request, response, callback) -> {
            if (!web.sameOrigin(request)) {
                response.setStatus(403);
                callback.succeeded();
                return null;
            }
            return new Listener();
        }));
        sockets.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = Request.getPathInContext(request);
                if (path.equals("/texts")) {
                    // The page's words as the real gateway serves them: the same bundle, the same choice of language.
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
                    Content.Sink.write(response, true, PageTexts.json(PageTexts.choose(
                            Request.extractQueryParameters(request).getValue("lang"),
                            request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE), Locale.ENGLISH)), callback);
                    return true;
                }
                if (path.equals("/rooms")) {
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                    Content.Sink.write(response, true, FlatJson.write(rooms), callback);
                    return true;
                }
                if (path.equals("/") || path.startsWith("/assets/")) {
                    return files.handle(request, response, callback);
                }
                return false;
            }
        });
        context.setHandler(sockets);
        return context;
    }

    private void onText(Session from, String text) {
        Map<String, String> message = FlatJson.read(text);
        received.add(message);
        switch (message.getOrDefault("type", "")) {
            case "join" -> join(from, message.get("room"), message.get("nick"));
            case "say" -> send(from, message(nick, message.get("text"), false, false, true));
            case "private" -> {
                Map<String, Object> echo = message(nick, message.get("text"), false, true, true);
                echo.put("to", message.get("to"));
                send(from, echo);
            }
            case "leave" -> {
                send(from, presence(nick, "participant", false));
                send(from, Map.of("type", "left"));
            }
            default -> send(from, Map.of("type", "error", "code", "not-allowed", "text", "Unknown request."));
        }
    }

    private void join(Session to, String room, String wanted) {
        if ("taken".equals(wanted)) {
            send(to, Map.of("type", "error", "code", "nick-taken"));
            return;
        }
        nick = wanted;
        send(to, presence("alice", "moderator", true));
        send(to, presence("bob", "participant", true));
        send(to, presence(wanted, "participant", true));
        send(to, message("alice", "Welcome back, everyone", true, false, false));
        Map<String, Object> joined = new LinkedHashMap<>();
        joined.put("type", "joined");
        joined.put("room", room);
        joined.put("nick", wanted);
        joined.put("subject", LOBBY.equals(room) ? "Welcome to the club" : "");
        joined.put("title", LOBBY.equals(room) ? "Lobby" : "Staff room");
        send(to, joined);
    }

    static Map<String, Object> presence(String nick, String role, boolean present) {
        Map<String, Object> presence = new LinkedHashMap<>();
        presence.put("type", "presence");
        presence.put("nick", nick);
        presence.put("role", role);
        presence.put("affiliation", "none");
        presence.put("present", present);
        return presence;
    }

    static Map<String, Object> message(String from, String text, boolean history, boolean isPrivate, boolean self) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "message");
        message.put("from", from);
        message.put("text", text);
        message.put("time", Instant.now().toString());
        message.put("history", history);
        message.put("private", isPrivate);
        message.put("self", self);
        return message;
    }

    private static void send(Session to, Map<String, Object> message) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        synchronized (to) {
            to.sendText(FlatJson.write(message), new org.eclipse.jetty.websocket.api.Callback() {
                @Override
                public void succeed() {
                    written.complete(null);
                }

                @Override
                public void fail(Throwable failure) {
                    written.completeExceptionally(failure);
                }
            });
            try {
                written.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("could not send to the page: " + message, e);
            }
        }
    }

    /** One page's socket; public, as Jetty calls its methods through public method handles. */
    public final class Listener implements Session.Listener.AutoDemanding {

        private Session own;

        @Override
        public void onWebSocketOpen(Session opened) {
            own = opened;
            session = opened;
        }

        @Override
        public void onWebSocketText(String text) {
            onText(own, text);
        }
    }

    /** Every message of a list, in order (for hostile strings pushed at once). */
    void pushAll(List<Map<String, Object>> messages) {
        new ArrayList<>(messages).forEach(this::push);
    }
}
