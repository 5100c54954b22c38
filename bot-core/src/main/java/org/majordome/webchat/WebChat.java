package org.majordome.webchat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.majordome.api.room.NickCheck;
import org.majordome.api.storage.PluginStorage;
import org.majordome.config.RoomSettings;
import org.majordome.config.WebChatSettings;
import org.majordome.room.GatewayBans;
import org.majordome.room.RoomKeeper;
import org.majordome.web.WebApp;
import org.majordome.web.WebContext;
import org.majordome.xmpp.GuestConnections;

/**
 * The web chat for visitors, served under {@code /chat}: the page, the rooms marked {@code web-chat: true}, and one
 * WebSocket per visitor, each visitor a real occupant through an XMPP session of their own on the web account.
 */
public final class WebChat implements WebApp, AutoCloseable {

    public static final String PREFIX = "/chat";
    /** The storage namespace of the gateway: the cookie key and the visitors' bans. */
    public static final String STORAGE = "web-chat";

    private final WebChatGateway gateway;

    /**
     * @param settings the {@code web.chat} settings
     * @param guests   how visitors' sessions reach the server (the bot's connection settings)
     * @param rooms    the rooms of the configuration in force
     * @param keeper   the kept rooms, for their titles, subjects and occupants
     * @param storage  where the cookie key and the bans are kept ({@link #STORAGE})
     * @param nicks    the plugins' say on a visitor's nick, asked before the visitor joins
     */
    public WebChat(WebChatSettings settings, GuestConnections guests, Supplier<List<RoomSettings>> rooms,
                   RoomKeeper keeper, PluginStorage storage, NickCheck nicks, Clock clock) {
        SecureRandom random = new SecureRandom();
        this.gateway = new WebChatGateway(settings, guests, new WebRooms(rooms, keeper),
                new WebBans(storage, settings.banBy()), VisitorIds.kept(storage, random), nicks, clock, random);
    }

    /** What the rooms ask before banning or unbanning one of the visitors (see {@link GatewayBans}). */
    public GatewayBans bans() {
        return gateway;
    }

    /** Visitors in rooms now (each one XMPP session). */
    public int visitors() {
        return gateway.visitors();
    }

    /** The process id of the guest host running the visitors' sessions, when one runs now (benchmarks, tests). */
    public java.util.OptionalLong guestHostPid() {
        return gateway.guestHostPid();
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public Handler handler(Server server, WebContext context) {
        Duration idle = gateway.settings().idleTimeout().plus(Duration.ofMinutes(1));
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(Frames.MAX_FRAME_CHARS);
            container.setIdleTimeout(idle);
        });
        upgrade.setHandler(new ChatRoutes(PREFIX, gateway, context, upgrade.getServerWebSocketContainer()));
        return upgrade;
    }

    /** Closes every visitor's socket and session. */
    @Override
    public void close() {
        gateway.close();
    }
}
