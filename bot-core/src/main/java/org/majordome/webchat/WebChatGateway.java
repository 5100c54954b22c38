package org.majordome.webchat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.api.room.NickCheck;
import org.majordome.api.text.Wording;
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

    /** The longest a visitor's entry holds one of the {@code joins-at-once} places (a login and a join's answer). */
    private static final java.time.Duration ENTRY_TIMEOUT = java.time.Duration.ofSeconds(30);
    /** Writes to browsers never wait for them (the socket takes a frame or calls back): one thread keeps up. */
    private static final int WRITERS = 1;
    private final EntryPlaces<Visitor> entryPlaces;
    private final WebChatSettings settings;
    private final EntityBareJid account;
    private final Secret password;
    private final RoomSessions sessions;
    private final WebRooms rooms;
    private final WebBans bans;
    private final VisitorIds ids;
    private final GatewayLimits limits;
    private final AccountKeeper accountKeeper;
    private final SharedRoles roles;
    private final ServerBanWaves serverBans;
    private final NickCheck nicks;
    private final Clock clock;
    private final SecureRandom random;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("webchat-timer").daemon().factory());
    /**
     * Whoever writes the frames to the browsers ({@link Outbox}): few platform threads of the gateway's own, so that
     * a surge's writes take at most that many cores, and never the virtual threads' carriers, where the bot's own
     * dispatch runs (RESULTS §14).
     */
    private final java.util.concurrent.ExecutorService writers = Executors.newFixedThreadPool(WRITERS,
            Thread.ofPlatform().name("webchat-writer-", 0).daemon().factory());
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
                   NickCheck nicks, Clock clock, SecureRandom random) {
        this.nicks = nicks;
        this.settings = settings;
        this.account = settings.accountJid().orElse(guests.botAccount());
        this.password = settings.accountJid().isPresent() ? settings.accountPassword().orElseThrow()
                : guests.botPassword();
        this.sessions = settings.sessions() == WebChatSettings.Sessions.PROCESS
                ? new HostedSessions(new GuestHost.Launch(guests.settingsFor(account, password),
                        settings.sessionsNice(), settings.visitors()))
                : new InProcessSessions(guests, account, password, clock, timer);
        this.rooms = rooms;
        this.bans = bans;
        this.ids = ids;
        this.limits = new GatewayLimits(settings);
        this.entryPlaces = new EntryPlaces<>(settings.joinsAtOnce(), timer, ENTRY_TIMEOUT);
        this.accountKeeper = new AccountKeeper(account, rooms);
        this.roles = new SharedRoles(rooms, action -> Thread.ofVirtual().start(action));
        this.serverBans = new ServerBanWaves(timer, ServerBanWaves.WINDOW);
        int forgotten = bans.forgetSessionsBefore(clock.instant().minus(WebBans.SESSION_MEMORY));
        if (forgotten > 0) {
            log.info("Web chat: forgot {} visitor session(s) older than {} days", forgotten,
                    WebBans.SESSION_MEMORY.toDays());
        }
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

    /** Why the plugins refuse {@code nick} in {@code room}, if they do (asked before a visitor joins). */
    Optional<String> nickRefusal(String room, String nick) {
        return nicks.refusal(room, nick);
    }

    GatewayLimits limits() {
        return limits;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    /** The gateway's writers to browsers (see {@link Outbox}). */
    java.util.concurrent.Executor writers() {
        return writers;
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

    /** Where the visitors' sessions run (opened on the visitor's own thread: it blocks for the login). */
    RoomSessions sessions() {
        return sessions;
    }

    /** The process id of the guest host, when the visitors' sessions run in one now. */
    java.util.OptionalLong guestHostPid() {
        return sessions instanceof HostedSessions hosted ? hosted.pid() : java.util.OptionalLong.empty();
    }

    void opened(Visitor visitor) {
        sockets.add(visitor);
    }

    void closed(Visitor visitor) {
        sockets.remove(visitor);
    }

    void entered(String resource, Visitor visitor) {
        live.put(resource, visitor);
        bans.remember(sessionJid(resource), visitor.identity(), clock.instant());
    }

    /** The full JID of the visitor's session {@code resource}: what the room's moderators see as its real JID. */
    String sessionJid(String resource) {
        return account + "/" + resource;
    }

    /**
     * The server removed a visitor with a ban (status 301): someone outcast the shared account from an XMPP client,
     * past the bot's {@code !ban}. The account, which every visitor shares, gets back the affiliation it had. When
     * the ban removed this visitor alone, it was meant for them: the gateway bans them, as a {@code !ban} would have;
     * when it removed several at once ({@link ServerBanWaves}), nobody is banned. Blocks (for the ban's other
     * removals, then the room's answer): called on a thread of its own.
     *
     * @param affiliation the account's affiliation when the visitor entered ({@code none}, {@code member})
     * @return whether the visitor is banned now
     */
    boolean bannedByServer(String room, String resource, Visitor.Identity who, String affiliation, String by,
                           String reason) throws InterruptedException {
        ServerBanWaves.Hit hit = new ServerBanWaves.Hit(resource, who, affiliation, by, reason);
        List<ServerBanWaves.Hit> wave;
        try {
            wave = serverBans.add(room, hit).get(ServerBanWaves.WINDOW.toSeconds() + 30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            wave = List.of(hit);
        }
        boolean alone = wave.size() == 1;
        String actor = by.isEmpty() ? "a moderator" : by;
        if (alone) {
            bans.ban(room, who, sessionJid(resource), reason);
            log.warn("Room {}: {} banned the web chat's shared account {} on the server{}; the bot bans only the "
                            + "visitor of session {} on the web gateway and puts the account back as {}", room, actor,
                    account, reason.isEmpty() ? "" : " (" + reason + ")", resource, affiliation);
        } else if (wave.getFirst() == hit) {
            log.warn("Room {}: {} banned the web chat's shared account {} on the server{}, which removed {} visitors "
                            + "at once; the bot cannot tell which was meant and bans none of them (ban one with the "
                            + "bot's ban, by nick); it puts the account back as {}", room, actor, account,
                    reason.isEmpty() ? "" : " (" + reason + ")", wave.size(), affiliation);
        }
        if (wave.getFirst() == hit) {
            accountKeeper.restore(room, affiliation);
        }
        if (alone) {
            outOfRoom(room, live.get(resource), reason);
        }
        return alone;
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
            // Gone before a restart: the stored session tells who it was.
            who = bans.whoUsed(jid).orElse(null);
        }
        if (who == null) {
            // Banned again (a sanction settled after a restart) when the session is forgotten: the ban holds already.
            return bans.bannedSession(room.toString(), jid) ? new Banned(Optional.empty())
                    : new Refused("the web gateway no longer knows who used " + jid);
        }
        bans.ban(room.toString(), who, jid, reason);
        log.info("Room {}: web visitor {} banned on the web gateway", room, resource.get());
        Optional<String> nick = visitor == null ? Optional.empty() : visitor.nickIn(room.toString(), resource.get());
        if (nick.isPresent()) {
            visitor.markBanned();
        }
        outOfRoom(room.toString(), visitor, reason);
        return new Banned(nick);
    }

    /** A visitor entered {@code room} with {@code role}; on Smack's thread: never blocks. */
    void enteredAs(String room, String nick, Visitor.Identity identity, String role) {
        accountKeeper.enteredAs(room, nick, role);
        roles.enteredAs(room, nick, identity, role);
    }

    /** A moderator changed the role of {@code identity}'s session in {@code room}. */
    void roleChanged(String room, Visitor.Identity identity, String role) {
        roles.roleChanged(room, identity, role);
    }

    /** A visitor the gateway does not ban was refused as banned: lifts the account's outcast if that is why. */
    boolean liftAccountOutcast(String room) {
        return accountKeeper.liftIfOutcast(room);
    }

    /** The same visitor in another tab (same cookie, or same address when bans hold on it) leaves too. */
    private void outOfRoom(String room, Visitor banned, String reason) {
        for (Visitor other : Set.copyOf(live.values())) {
            if (other != banned && other.isIn(room) && bans.banned(room, other.identity())) {
                Thread.ofVirtual().start(() -> other.bannedOut(reason));
            }
        }
    }

    @Override
    public java.util.List<String> bannedIn(EntityBareJid room) {
        return bans.bannedSessions(room.toString());
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
        sessions.close();
        writers.shutdownNow();
    }

    /**
     * Why a visitor may not join a room now, as the error frame to send them: banned on the gateway, a plugin's nick
     * rule (in the plugin's words, before the room sees anyone join), or no place left; {@code null} when they may,
     * and a place in the room is then taken.
     */
    String refusalBeforeJoin(String room, String nick, Visitor.Identity identity, Wording words) {
        if (bans().banned(room, identity)) {
            return Frames.error(Frames.ErrorCode.BANNED, words.format("webchat.banned"));
        }
        Optional<String> refused = nickRefusal(room, nick);
        if (refused.isPresent()) {
            return Frames.error(Frames.ErrorCode.NICK_REFUSED, refused.get());
        }
        if (!limits().enter(room)) {
            return Frames.error(Frames.ErrorCode.FULL, words.format("webchat.full"));
        }
        return null;
    }

    /** Waits for one of the places for visitors entering a room ({@link EntryPlaces}). */
    void startEntering(Visitor visitor) throws InterruptedException {
        entryPlaces.take(visitor);
    }

    /** The visitor's entry is over (in the room, refused, gone): their place goes to the next. Idempotent. */
    void doneEntering(Visitor visitor) {
        entryPlaces.giveBack(visitor);
    }
}
