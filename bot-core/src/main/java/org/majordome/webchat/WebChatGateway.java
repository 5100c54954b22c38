package org.majordome.webchat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.config.Secret;
import org.majordome.config.WebChatSettings;
import org.majordome.intake.Snapshots;
import org.majordome.room.GatewayBans;
import org.majordome.xmpp.GuestConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's shared state: the visitors' XMPP sessions (each a resource {@code majordome-web-...} of the web
 * account), the limits, the bans, and the visitors' identities. As the rooms' {@link GatewayBans} it turns a ban of
 * one visitor's session into a ban of that visitor's web identity (and a kick), never an outcast of the account
 * every visitor shares.
 */
final class WebChatGateway implements GatewayBans, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebChatGateway.class);
    /** Sessions that ended are remembered this many at most, so that a ban just after someone left still holds. */
    private static final int RECENT = 1_000;
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final WebChatSettings settings;
    private final EntityBareJid account;
    private final Secret password;
    private final GuestConnections guests;
    private final WebRooms rooms;
    private final WebBans bans;
    private final VisitorIds ids;
    private final GatewayLimits limits;
    private final Clock clock;
    private final SecureRandom random;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("webchat-timer").daemon().factory());
    private final Map<String, Visitor> live = new ConcurrentHashMap<>();
    private final Map<String, Visitor.Identity> recent = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Visitor.Identity> eldest) {
                    return size() > RECENT;
                }
            });
    private final Set<Visitor> sockets = ConcurrentHashMap.newKeySet();

    WebChatGateway(WebChatSettings settings, GuestConnections guests, WebRooms rooms, WebBans bans, VisitorIds ids,
                   Clock clock, SecureRandom random) {
        this.settings = settings;
        this.account = settings.accountJid().orElse(guests.botAccount());
        this.password = settings.accountJid().isPresent() ? settings.accountPassword().orElseThrow()
                : guests.botPassword();
        this.guests = guests;
        this.rooms = rooms;
        this.bans = bans;
        this.ids = ids;
        this.limits = new GatewayLimits(settings);
        this.clock = clock;
        this.random = random;
        long sweep = Math.max(1_000, Math.min(60_000, settings.idleTimeout().toMillis() / 4));
        timer.scheduleWithFixedDelay(this::closeIdle, sweep, sweep, TimeUnit.MILLISECONDS);
        if (settings.accountJid().isEmpty()) {
            log.warn("Web chat: visitors use the bot's own account {}; in a room where it is an owner or admin, "
                    + "visitors cannot enter (they would be unkickable). Give web.chat.account a dedicated one.",
                    account);
        }
    }

    WebChatSettings settings() {
        return settings;
    }

    WebRooms rooms() {
        return rooms;
    }

    WebBans bans() {
        return bans;
    }

    VisitorIds ids() {
        return ids;
    }

    GatewayLimits limits() {
        return limits;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    Clock clock() {
        return clock;
    }

    /** A fresh resource for a visitor's session, which the room's intake recognises as a gateway's. */
    String newResource() {
        char[] text = new char[16];
        for (int i = 0; i < text.length; i++) {
            text[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return Snapshots.GATEWAY_RESOURCE_PREFIX + new String(text);
    }

    /** Logs in a visitor's session; blocks (called on the visitor's own thread). */
    AbstractXMPPConnection openSession(String resource) throws Exception {
        return guests.open(account, password, Resourcepart.from(resource));
    }

    void opened(Visitor visitor) {
        sockets.add(visitor);
    }

    void closed(Visitor visitor) {
        sockets.remove(visitor);
    }

    void entered(String resource, Visitor visitor) {
        live.put(resource, visitor);
    }

    void left(String room, String resource, Visitor.Identity identity) {
        live.remove(resource);
        recent.put(resource, identity);
        limits.leave(room);
    }

    int visitors() {
        return limits.visitors();
    }

    @Override
    public Outcome ban(EntityBareJid room, String jid, String reason) {
        Optional<String> resource = ours(jid);
        if (resource == null) {
            return new NotOurs();
        }
        if (resource.isEmpty()) {
            return new Refused(jid + " is the web chat's account, shared by every visitor: ban one visitor, by nick");
        }
        Visitor visitor = live.get(resource.get());
        Visitor.Identity who = visitor != null ? visitor.identity() : recent.get(resource.get());
        if (who == null) {
            return new Refused("the web gateway no longer knows who used " + jid);
        }
        bans.ban(room.toString(), who, jid, reason);
        log.info("Room {}: web visitor {} banned on the web gateway", room, resource.get());
        Optional<String> nick = visitor == null ? Optional.empty() : visitor.nickIn(room.toString(), resource.get());
        if (nick.isPresent()) {
            visitor.markBanned();
        }
        // The same visitor in another tab (same cookie, or same address when bans hold on it) leaves too.
        for (Visitor other : Set.copyOf(live.values())) {
            if (other != visitor && other.isIn(room.toString()) && bans.banned(room.toString(), other.identity())) {
                Thread.ofVirtual().start(() -> other.bannedOut(reason));
            }
        }
        return new Banned(nick);
    }

    @Override
    public Outcome unban(EntityBareJid room, String jid) {
        Optional<String> resource = ours(jid);
        if (resource == null || resource.isEmpty()) {
            return new NotOurs();
        }
        if (bans.unban(room.toString(), jid)) {
            log.info("Room {}: web visitor {} unbanned on the web gateway", room, resource.get());
            return new Unbanned();
        }
        return new Refused("the web gateway has no ban on " + jid);
    }

    /**
     * Whether {@code jid} is the web account: null when not; the resource of a visitor's session; empty for the
     * bare account (or one of its resources that is no visitor's, e.g. the bot's own).
     */
    private Optional<String> ours(String jid) {
        Jid parsed;
        try {
            parsed = JidCreate.from(jid);
        } catch (Exception e) {
            return null;
        }
        if (!account.equals(parsed.asBareJid())) {
            return null;
        }
        String resource = parsed.getResourceOrEmpty().toString();
        if (resource.isEmpty()) {
            return Optional.empty();
        }
        return resource.startsWith(Snapshots.GATEWAY_RESOURCE_PREFIX) ? Optional.of(resource) : null;
    }

    private void closeIdle() {
        Instant limit = clock.instant().minus(settings.idleTimeout());
        for (Visitor visitor : sockets) {
            if (visitor.lastActive().isBefore(limit)) {
                // Leaving waits for the server: not on the timer's one thread.
                Thread.ofVirtual().start(visitor::idleOut);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        sockets.forEach(Visitor::socketClosed);
    }
}
