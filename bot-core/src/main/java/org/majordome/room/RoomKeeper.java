package org.majordome.room;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.DirectChat;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.room.Rooms;
import org.majordome.config.RoomSettings;
import org.majordome.config.RuntimeSettings;
import org.majordome.intake.EventSink;
import org.majordome.intake.StanzaIntake;
import org.majordome.store.RoomOverlayTable;
import org.majordome.text.Phrase;
import org.majordome.text.SenderLanguages;
import org.majordome.text.TextService;
import org.majordome.xmpp.Backoff;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every configured room: joins them when the bot comes online (all at once, each on its own
 * worker, so one failing room never stops the others), rejoins them after a new session, re-checks
 * their configuration on a timer and self-pings idle ones. It tells the intake
 * ({@link org.majordome.intake.StanzaIntake}) which rooms it keeps, so that each stanza from a room reaches
 * that room's {@link org.majordome.intake.RoomStanzaIntake}, where it becomes events. It is the one owner of
 * the kept rooms: one map, each {@link KeptRoom} holding its own handle.
 *
 * <p>Smack's MUC auto-join on reconnect is not used (it waits out a leave nobody answers and then
 * stops rejoining): on {@code authenticated(resumed=false)} every room is joined again from scratch.
 *
 * <p>Presence subscription requests from occupants of kept rooms are approved ({@link SubscriptionApproval}).
 */
public final class RoomKeeper implements XmppSession.Listener, Rooms, DirectChat, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoomKeeper.class);
    private static final Duration FIRST_REJOIN_DELAY = Duration.ofSeconds(1);

    private final XmppSession session;
    private final RuntimeSettings runtime;
    private final EventSink sink;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("room-keeper-timer").daemon().factory());
    /**
     * The kept rooms by bare JID as text (lower case, as jxmpp normalises it): the one map of rooms, read on Smack's
     * listener thread and by plugins, changed by configuration reloads; concurrent, kept in config order.
     */
    private final Map<String, KeptRoom> rooms = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Backoff backoff;
    private final RoomOverlayTable overlays;
    /**
     * Joins (with the first configuration check) in flight at once. Unbounded, a bot with 1,000 rooms sent
     * 1,000 joins and then 1,000 form requests together: Prosody answered many after the reply timeout, and the
     * rooms the bot had just created stayed locked. A few at a time keep the server answering promptly.
     */
    static final int CONCURRENT_JOINS = 16;
    private final Semaphore joinPermits = new Semaphore(CONCURRENT_JOINS);
    /** Room actions wait for the server; each gets its own virtual thread so none waits behind another. */
    private final ExecutorService actions = Executors.newVirtualThreadPerTaskExecutor();
    /** Tells the bot's administrators what needs a human. */
    private final AdminNotices adminNotices;
    /** A gateway whose people share one account (the web chat), which bans them its own way; none by default. */
    private volatile GatewayBans gatewayBans = GatewayBans.NONE;
    /** The rooms declared destroyed: never kept, destroyed at start and at the reload that declares them so. */
    private final RetiredRooms retired;
    /** The declared rooms the admission keeps the bot out of for now. */
    private final WaitingRooms waiting;
    private final SenderLanguages senderLanguages = new SenderLanguages();

    /** @param overlays where the rooms' configuration overlays (a lockdown...) are kept across restarts */
    public RoomKeeper(XmppSession session, List<RoomSettings> roomSettings, RuntimeSettings runtime,
                      EventSink sink, Clock clock, RoomOverlayTable overlays) {
        this(session, roomSettings, runtime, sink, clock, overlays, RoomAdmission.EVERY_ROOM);
    }

    /**
     * @param overlays  where the rooms' configuration overlays (a lockdown...) are kept across restarts
     * @param admission which declared rooms the bot may be in now ({@link RoomAdmission#EVERY_ROOM} when it runs
     *                  alone); the others wait until {@link #admissionChanged} admits them
     */
    public RoomKeeper(XmppSession session, List<RoomSettings> roomSettings, RuntimeSettings runtime,
                      EventSink sink, Clock clock, RoomOverlayTable overlays, RoomAdmission admission) {
        this.session = session;
        this.overlays = overlays;
        this.runtime = runtime;
        this.adminNotices = new AdminNotices(this::send, TextService.runtimeWording(runtime.language(), runtime.timeZone()));
        this.sink = sink;
        this.clock = clock;
        this.waiting = new WaitingRooms(admission);
        this.backoff = Backoff.of(FIRST_REJOIN_DELAY, runtime.rejoinBackoffMax());
        waiting.admitted(RetiredRooms.kept(roomSettings)).forEach(this::keep);
        this.retired = new RetiredRooms(new RoomDestroyer(session), actions, session::isOnline, roomSettings);
    }

    private KeptRoom keep(RoomSettings room) {
        KeptRoom kept = new KeptRoom(room, session.settings().nick(), session, sink, clock, backoff, timer,
                joinPermits, actions, overlays, runtime.timeZone(), runtime.language(), this::tellAdmins,
                how -> destroy(room.jid(), how), waiting.admission());
        kept.useGatewayBans(() -> gatewayBans);
        rooms.put(room.jid().toString(), kept);
        return kept;
    }

    /**
     * The {@link RoomAdmission} changed its answer for some rooms: joins the declared rooms it admits now and leaves
     * (with {@code goodbye}) the kept ones it no longer admits.
     *
     * @return what changed, worded by whoever shows it
     */
    public synchronized List<Phrase> admissionChanged(String goodbye) {
        return apply(declaredBut(null), goodbye);
    }

    /** The declared rooms the admission keeps the bot out of for now (none when the bot runs alone). */
    public List<EntityBareJid> waiting() {
        return waiting.jids();
    }

    /**
     * Makes the kept rooms those of a reloaded configuration: new rooms are joined (and created and
     * configured), removed ones are left with a goodbye, changed ones get their new desired configuration.
     *
     * @return what changed ({@code reload.change.*}), for the log and the administrator, who reads it in their language
     */
    public synchronized List<Phrase> apply(List<RoomSettings> declared, String goodbye) {
        List<RoomSettings> wanted = waiting.admitted(RetiredRooms.kept(declared));
        Map<EntityBareJid, CompletableFuture<?>> leaving = new java.util.HashMap<>();
        List<Phrase> changes = new java.util.ArrayList<>();
        Map<EntityBareJid, RoomSettings> byJid = new LinkedHashMap<>();
        wanted.forEach(room -> byJid.put(room.jid(), room));
        for (KeptRoom room : snapshot()) {
            if (!byJid.containsKey(room.jid())) {
                rooms.remove(room.jid().toString());
                leaving.put(room.jid(), room.leave(goodbye).whenComplete((ignored, failure) -> room.shutdownWorker()));
                changes.add(Phrase.of("reload.change.left", room.jid().toString()));
            }
        }
        for (RoomSettings settings : wanted) {
            KeptRoom existing = rooms.get(settings.jid().toString());
            if (existing == null) {
                KeptRoom added = keep(settings);
                if (session.isOnline()) {
                    added.requestJoin();
                }
                changes.add(Phrase.of("reload.change.joining", settings.jid().toString()));
            } else if (!existing.settings().equals(settings)) {
                existing.update(settings);
                changes.add(Phrase.of("reload.change.updated", settings.jid().toString()));
            }
        }
        changes.addAll(retired.declare(declared, leaving));
        if (!changes.isEmpty()) {
            log.info("Rooms reconfigured: {}", changes.stream().map(Phrase::toString)
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        return changes;
    }

    /**
     * Keeps one more room besides the configured ones, at once (an administrator's command). It lasts until
     * the next configuration reload or restart, which keep only the rooms in the file.
     *
     * @return false when the room is kept already
     */
    public synchronized boolean keepAlso(RoomSettings room) {
        if (rooms.containsKey(room.jid().toString())) {
            return false;
        }
        List<RoomSettings> wanted = new java.util.ArrayList<>(declaredBut(room.jid()));
        wanted.add(room);
        apply(wanted, "");
        return true;
    }

    /**
     * Tries again at once to join a kept room the bot is out of (banned, refused, waiting to rejoin), as an
     * administrator asked; the waits between attempts start over.
     *
     * @return the room's status before the attempt; empty when the room is not kept or the bot is in it
     */
    public Optional<RoomStatus> retryJoin(EntityBareJid roomJid) {
        KeptRoom room = rooms.get(roomJid.toString());
        if (room == null) {
            return Optional.empty();
        }
        RoomStatus before = room.status();
        return room.retryNow() ? Optional.of(before) : Optional.empty();
    }

    /** Hands the rooms' bans and unbans of a gateway's people (web visitors) to that gateway. */
    public void useGatewayBans(GatewayBans bans) {
        this.gatewayBans = java.util.Objects.requireNonNull(bans, "bans");
    }

    /**
     * Whom the rooms tell, by direct message, what needs a human (the bot came back from a ban without
     * ownership): the administrators of the configuration in force, read at each notice.
     */
    public void tellAdminsOf(Supplier<Set<EntityBareJid>> administrators) {
        adminNotices.tellAdminsOf(administrators);
    }

    private void tellAdmins(AdminNotice notice) {
        adminNotices.tell(notice);
    }

    /**
     * Stops keeping a room and leaves it with a goodbye, at once (an administrator's command). A room named in
     * the configuration file comes back at the next reload or restart.
     *
     * @return false when the room is not kept
     */
    public synchronized boolean release(EntityBareJid roomJid, String goodbye) {
        if (!rooms.containsKey(roomJid.toString())) {
            return false;
        }
        apply(declaredBut(roomJid), goodbye);
        return true;
    }

    /**
     * The settings of every room kept, waiting for admission or declared destroyed, but the one named (none when
     * null): what a change by hand keeps.
     */
    private List<RoomSettings> declaredBut(EntityBareJid roomJid) {
        return java.util.stream.Stream.of(snapshot().stream().map(KeptRoom::settings), waiting.settings().stream(),
                        retired.declared().stream()).flatMap(rooms -> rooms)
                .filter(room -> !room.jid().equals(roomJid)).toList();
    }

    /**
     * Destroys a kept room for a plugin ({@link RoomHandle#destroy}): stops keeping it and leaves it (as
     * {@link #release} does), then destroys it. A room the file keeps comes back at the next reload or restart.
     */
    private CompletableFuture<ActionResult> destroy(EntityBareJid roomJid, org.majordome.config.RoomState how) {
        KeptRoom room = rooms.remove(roomJid.toString());
        if (room == null) {
            return CompletableFuture.completedFuture(new ActionResult.Failed(roomJid + " is no longer kept"));
        }
        return room.leave(how.reason().orElse("")).handle((ignored, failure) -> null).thenCompose(ignored -> {
            room.shutdownWorker();
            return retired.destroyNow(roomJid, how, "at a plugin's request");
        });
    }

    /** The language each user's messages declared, as the intake heard them: what private answers follow. */
    public SenderLanguages senderLanguages() {
        return senderLanguages;
    }

    /** The bot's language ({@code runtime.language}): a room's when it names none (the web chat's lists too). */
    public java.util.Locale language() {
        return runtime.language();
    }

    /** Starts listening; rooms are joined when the session comes online (call before {@code session.start()}). */
    public void start() {
        new StanzaIntake(jid -> {
            KeptRoom room = rooms.get(jid.toString());
            return room == null ? null : room.intake();
        }, session.settings().jid(), sink, clock, senderLanguages::record).listenOn(session.connection());
        new SubscriptionApproval(this::all).listenOn(session.connection());
        session.addListener(this);
        long reconcileMillis = runtime.reconcileInterval().toMillis();
        timer.scheduleWithFixedDelay(this::reconcileAll, reconcileMillis, reconcileMillis, TimeUnit.MILLISECONDS);
        long pingCheckMillis = Math.max(1000, Math.min(30_000, runtime.selfPingAfterIdle().toMillis() / 2));
        timer.scheduleWithFixedDelay(this::selfPingIdleRooms, pingCheckMillis, pingCheckMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void online(boolean resumed) {
        retired.online();
        if (resumed) {
            // The server kept our session and so our memberships; just make sure nothing drifted meanwhile.
            snapshot().forEach(KeptRoom::sessionResumed);
            return;
        }
        log.info("New session: joining {} room(s)", rooms.size());
        for (KeptRoom room : snapshot()) {
            room.sessionLost();
            room.requestJoin();
        }
    }

    @Override
    public void offline(Exception cause) {
        snapshot().forEach(KeptRoom::offline);
    }

    private void reconcileAll() {
        if (session.isOnline()) {
            retired.check();
            for (KeptRoom room : snapshot()) {
                if (room.isJoined()) {
                    room.requestReconcile();
                } else {
                    room.retryIfBanned();
                }
            }
        }
    }

    private void selfPingIdleRooms() {
        if (session.isOnline()) {
            snapshot().forEach(room -> room.requestSelfPingIfIdle(runtime.selfPingAfterIdle()));
        }
    }

    private List<KeptRoom> snapshot() {
        synchronized (rooms) {
            return List.copyOf(rooms.values());
        }
    }

    @Override
    public Optional<RoomHandle> room(String roomJid) {
        return Optional.ofNullable(rooms.get(roomJid.toLowerCase(java.util.Locale.ROOT))).map(KeptRoom::handle);
    }

    @Override
    public Collection<RoomHandle> all() {
        return snapshot().stream().map(KeptRoom::handle).toList();
    }

    @Override
    public CompletionStage<ActionResult> send(String jid, String text) {
        return AdminNotices.directMessage(session, jid, text);
    }

    /** Every kept room's current status, in configuration order. */
    public List<RoomStatus> status() {
        return snapshot().stream().map(KeptRoom::status).toList();
    }

    /** Every kept room as a status page shows it, in configuration order (see {@link RoomView}). */
    public List<RoomView> views() {
        return snapshot().stream().map(KeptRoom::view).toList();
    }

    /** True when the bot is in every configured room. */
    public boolean allJoined() {
        return snapshot().stream().allMatch(KeptRoom::isJoined);
    }

    public Optional<String> subject(EntityBareJid roomJid) {
        return Optional.ofNullable(rooms.get(roomJid.toString())).flatMap(KeptRoom::subject);
    }

    /** Leaves every room with a status text (waiting up to {@code timeout}) and stops keeping them. */
    public void leaveAll(String statusText, Duration timeout) {
        List<CompletableFuture<Void>> goodbyes = snapshot().stream().map(room -> room.leave(statusText)).toList();
        try {
            CompletableFuture.allOf(goodbyes.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("Some rooms were not left within {} ms", timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.warn("Leaving rooms failed", e.getCause());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        actions.shutdownNow();
        snapshot().forEach(KeptRoom::shutdownWorker);
    }
}
