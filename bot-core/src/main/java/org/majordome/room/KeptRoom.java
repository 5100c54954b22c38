package org.majordome.room;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.muc.packet.MUCInitialPresence;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.majordome.api.event.BotEvent;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.OccupantAffiliationChangedEvent;
import org.majordome.api.event.OccupantBannedEvent;
import org.majordome.api.event.OccupantJoinedEvent;
import org.majordome.api.event.OccupantKickedEvent;
import org.majordome.api.event.OccupantLeftEvent;
import org.majordome.api.event.OccupantNickChangedEvent;
import org.majordome.api.event.OccupantRoleChangedEvent;
import org.majordome.api.event.PrivateMessageReceivedEvent;
import org.majordome.api.event.RoomConfiguredEvent;
import org.majordome.api.event.RoomJoinedEvent;
import org.majordome.api.event.RoomLeftEvent;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.api.event.SubjectChangedEvent;
import org.majordome.config.RoomSettings;
import org.majordome.intake.EventSink;
import org.majordome.room.RoomStatus.State;
import org.majordome.xmpp.Backoff;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room the bot keeps: joins it (creating it when missing), keeps its configuration as desired,
 * tracks its occupants, turns its stanzas into events and comes back after every way of losing it.
 *
 * <p>Smack's {@code MultiUserChat} is deliberately not used: it keeps "joined" state across a lost
 * session (so a rejoin first waits out a leave nobody answers), throws away the "room created" status
 * on a plain join, keeps a 5,000-message collector per room and runs listeners that block the reader.
 * This class speaks XEP-0045 directly with Smack's stanza types.
 *
 * <p>Threads: stanzas arrive on Smack's in-order listener thread and are handled there without
 * blocking (occupant bookkeeping, events into the sink). Everything that waits for the server (join,
 * configuration, self-ping) runs on this room's own serial worker, so one slow or failing room never
 * holds the others.
 */
final class KeptRoom {

    private static final Logger log = LoggerFactory.getLogger(KeptRoom.class);
    private static final Duration RETRY_NEW_ROOM_CONFIGURATION = Duration.ofSeconds(2);
    private static final int NICK_FALLBACKS = 5;

    private volatile RoomSettings settings;
    private final Resourcepart defaultNick;
    private final EntityBareJid roomJid;
    private final String room;
    private final XmppSession session;
    private final EventSink sink;
    private final Clock clock;
    private final Backoff backoff;
    private final ScheduledExecutorService timer;
    private final ExecutorService worker;

    private final Map<String, Occupant> occupants = new ConcurrentHashMap<>();
    /** Occupants who announced a nick change (status 303): new nick → old nick. */
    private final Map<String, String> pendingRenames = new ConcurrentHashMap<>();

    private volatile State state = State.NOT_JOINED;
    private volatile Instant stateSince;
    private volatile Optional<String> problem = Optional.empty();
    private volatile Resourcepart nick;
    private volatile boolean selfPresenceSeen;
    /** Since the last join, the configuration was checked (readiness waits for it). */
    private volatile boolean configurationChecked;
    private volatile boolean subjectSeen;
    private volatile String subject;
    private volatile Instant lastTraffic;
    private volatile CompletableFuture<Presence> pendingJoin;
    private volatile String pendingJoinId;
    private volatile Resourcepart pendingNick;
    private volatile boolean leaving;
    private volatile Set<String> features = Set.of();

    // Touched only on the worker thread.
    private int failedJoins;
    /** Was joined when the stream dropped; the membership may come back with a resumed session. */
    private boolean suspended;
    private boolean warnedNoOwnerRights;
    private boolean warnedUnsupported;
    private ScheduledFuture<?> scheduledRejoin;
    private final Semaphore joinPermits;

    KeptRoom(RoomSettings settings, Resourcepart defaultNick, XmppSession session, EventSink sink, Clock clock,
             Backoff backoff, ScheduledExecutorService timer, Semaphore joinPermits) {
        this.joinPermits = joinPermits;
        this.settings = settings;
        this.defaultNick = defaultNick;
        this.roomJid = settings.jid();
        this.room = roomJid.toString();
        this.session = session;
        this.sink = sink;
        this.clock = clock;
        this.backoff = backoff;
        this.timer = timer;
        this.nick = settings.nick().orElse(defaultNick);
        this.stateSince = clock.instant();
        this.lastTraffic = clock.instant();
        this.worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("room-" + room).factory());
    }

    EntityBareJid jid() {
        return roomJid;
    }

    /** The room's settings from the configuration file (the desired configuration among them). */
    RoomSettings settings() {
        return settings;
    }

    RoomStatus status() {
        return new RoomStatus(room, state, nick.toString(), occupants.size(), stateSince, problem,
                configurationChecked);
    }

    boolean isJoined() {
        return state == State.JOINED;
    }

    // ---------------------------------------------------------------- life cycle (worker thread)

    /** Asks for a join as soon as possible (cancels a scheduled rejoin). */
    void requestJoin() {
        worker.execute(() -> {
            cancelScheduledRejoin();
            join();
        });
    }

    /** The stream was replaced by a new session: the server forgot every room membership. */
    void sessionLost() {
        failPendingJoin(new SmackException.NotConnectedException("the session was lost"));
        worker.execute(() -> {
            if (state == State.JOINED || state == State.JOINING || suspended) {
                suspended = false;
                resetMembership();
                enter(State.NOT_JOINED, Optional.of("connection lost"));
                emit(new RoomLeftEvent(room, RoomLeftEvent.Reason.CONNECTION_LOST, "connection lost", clock.instant()));
            }
        });
    }

    /**
     * The stream dropped. Whether the membership survives depends on the server resuming the session
     * (then {@link #sessionResumed()}) or not (then {@link #sessionLost()}); until then the room is not
     * counted as joined.
     */
    void offline() {
        failPendingJoin(new SmackException.NotConnectedException("the connection dropped"));
        worker.execute(() -> {
            if (state == State.JOINED) {
                suspended = true;
                enter(State.NOT_JOINED, Optional.of("connection lost; waiting to resume or rejoin"));
            }
        });
    }

    /** Stream management resumed the session: memberships survived; check nothing drifted meanwhile. */
    void sessionResumed() {
        worker.execute(() -> {
            if (suspended) {
                suspended = false;
                enter(State.JOINED, Optional.empty());
            }
            reconcile(false);
        });
    }

    /**
     * New settings from a configuration reload: the desired configuration applies at once; a new nick or
     * password at the next join.
     */
    void update(RoomSettings newSettings) {
        worker.execute(() -> {
            settings = newSettings;
            warnedUnsupported = false;
            reconcile(false);
        });
    }

    void requestReconcile() {
        worker.execute(() -> reconcile(false));
    }

    void requestSelfPingIfIdle(Duration idle) {
        if (state == State.JOINED && lastTraffic.plus(idle).isBefore(clock.instant())) {
            worker.execute(this::selfPing);
        }
    }

    /** Leaves the room with a status text and stops keeping it. */
    CompletableFuture<Void> leave(String statusText) {
        return CompletableFuture.runAsync(() -> {
            cancelScheduledRejoin();
            leaving = true;
            boolean wasJoined = state == State.JOINED;
            enter(State.STOPPED, Optional.empty());
            if (wasJoined && session.isOnline()) {
                try {
                    session.connection().sendStanza(session.connection().getStanzaFactory().buildPresenceStanza()
                            .ofType(Presence.Type.unavailable).to(occupantJid(nick)).setStatus(statusText).build());
                } catch (SmackException.NotConnectedException | InterruptedException e) {
                    log.debug("Room {}: could not say goodbye: {}", room, e.toString());
                }
            }
            if (wasJoined) {
                emit(new RoomLeftEvent(room, RoomLeftEvent.Reason.SHUTDOWN, statusText, clock.instant()));
            }
            resetMembership();
        }, worker);
    }

    void shutdownWorker() {
        worker.shutdownNow();
    }

    private void join() {
        if (state == State.BANNED || state == State.STOPPED || state == State.JOINED || !session.isOnline()) {
            return;
        }
        try {
            joinPermits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            joinWithFallbackNicks();
        } finally {
            joinPermits.release();
        }
    }

    private void joinWithFallbackNicks() {
        // Always start from the configured nick: a fallback taken last time may be free again.
        Resourcepart base = settings.nick().orElse(defaultNick);
        for (int fallback = 0; fallback <= NICK_FALLBACKS; fallback++) {
            Resourcepart attempt = fallback == 0 ? base : fallbackNick(base, fallback);
            enter(State.JOINING, problem);
            try {
                Presence self = sendJoin(attempt);
                joined(self, fallback > 0);
                return;
            } catch (JoinRefusedException refused) {
                StanzaError.Condition condition = refused.condition();
                if (condition == StanzaError.Condition.conflict) {
                    log.warn("Room {}: nick '{}' is taken; trying a fallback nick", room, attempt);
                    continue;
                }
                handleRefusal(refused);
                return;
            } catch (TimeoutException e) {
                scheduleRejoin("the room did not answer the join within " + session.settings().replyTimeout().toSeconds() + " s");
                return;
            } catch (SmackException.NotConnectedException e) {
                enter(State.NOT_JOINED, Optional.of("not connected"));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        scheduleRejoin("every nick tried (" + base + " and " + NICK_FALLBACKS + " fallbacks) is taken");
    }

    private void handleRefusal(JoinRefusedException refused) {
        String text = refused.describe();
        switch (refused.condition()) {
            case forbidden -> {
                enter(State.BANNED, Optional.of("banned: " + text));
                log.error("Room {}: the bot is BANNED from this room ({}); it will not try again until restarted "
                        + "or the room is reconfigured", room, text);
            }
            case registration_required -> scheduleRejoin("the room is members-only and the bot is not a member (" + text + ")");
            case not_authorized -> scheduleRejoin("the room password is missing or wrong (" + text + ")");
            case not_allowed -> scheduleRejoin("the server does not let the bot create this room (" + text + ")");
            case gone -> scheduleRejoin("the room was destroyed and the server keeps a tombstone (" + text
                    + "); on Prosody a server admin may recreate it at once (make the bot an admin or set "
                    + "muc_tombstones = false)");
            case item_not_found -> scheduleRejoin("the room does not exist or is locked, and the bot cannot create it (" + text + ")");
            case service_unavailable -> scheduleRejoin("the room is full or the service is unavailable (" + text + ")");
            default -> scheduleRejoin("the room refused the join: " + text);
        }
    }

    private Presence sendJoin(Resourcepart attempt)
            throws JoinRefusedException, TimeoutException, SmackException.NotConnectedException, InterruptedException {
        XMPPTCPConnection connection = session.connection();
        resetMembership();
        Presence join = connection.getStanzaFactory().buildPresenceStanza()
                .to(occupantJid(attempt))
                // No history: replayed messages are not for the bot to act on (XEP-0045 §7.2.15).
                .addExtension(new MUCInitialPresence(settings.password().map(p -> p.reveal()).orElse(null), -1, 0, -1, null))
                .build();
        CompletableFuture<Presence> answer = new CompletableFuture<>();
        pendingNick = attempt;
        pendingJoinId = join.getStanzaId();
        pendingJoin = answer;
        connection.sendStanza(join);
        try {
            return answer.get(session.settings().replyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JoinRefusedException refused) {
                throw refused;
            }
            if (e.getCause() instanceof SmackException.NotConnectedException notConnected) {
                throw notConnected;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pendingJoin = null;
        }
    }

    private void joined(Presence self, boolean usedFallback) {
        nick = self.getFrom().getResourceOrThrow();
        MUCUser muc = MUCUser.from(self);
        boolean created = muc != null && muc.getStatus().contains(MUCUser.Status.ROOM_CREATED_201);
        failedJoins = 0;
        configurationChecked = false;
        enter(State.JOINED, usedFallback ? Optional.of("joined with fallback nick " + nick) : Optional.empty());
        lastTraffic = clock.instant();
        log.info("Room {}: joined as '{}'{}", room, nick, created ? " (created it)" : "");
        emit(new RoomJoinedEvent(room, nick.toString(), created, List.copyOf(occupants.values()), clock.instant()));
        reconcile(created);
        discoverFeatures();
    }

    /** What the room offers (XEP-0030), read after every join: a reconfiguration may change it. */
    private void discoverFeatures() {
        try {
            DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(session.connection()).discoverInfo(roomJid);
            features = info.getFeatures().stream().map(DiscoverInfo.Feature::getVar)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        } catch (SmackException | XMPPException e) {
            log.warn("Room {}: could not discover its features: {}", room, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The room's disco#info features as last discovered (XEP-0030 §3.1). */
    /** The configured title: the one the bot keeps, so it is the room's name as far as the bot knows. */
    Optional<String> title() {
        return settings.desired().title();
    }

    Set<String> features() {
        return features;
    }

    private void scheduleRejoin(String why) {
        if (state == State.STOPPED || state == State.BANNED) {
            return;
        }
        Duration delay = backoff.delay(failedJoins++);
        enter(State.WAITING_TO_REJOIN, Optional.of(why));
        log.warn("Room {}: {}; trying again in {} s", room, why, Math.max(1, delay.toSeconds()));
        cancelScheduledRejoin();
        scheduledRejoin = timer.schedule(() -> worker.execute(this::join), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelScheduledRejoin() {
        if (scheduledRejoin != null) {
            scheduledRejoin.cancel(false);
            scheduledRejoin = null;
        }
        if (state == State.WAITING_TO_REJOIN) {
            enter(State.NOT_JOINED, problem);
        }
    }

    /**
     * Compares the room's configuration form with the desired settings and submits the drifted fields.
     *
     * @param created the bot has just created the room: submit every desired field at once (Prosody
     *                keeps a new room locked until its owner submits the form)
     */
    private void reconcile(boolean created) {
        if (state != State.JOINED) {
            return;
        }
        XMPPTCPConnection connection = session.connection();
        try {
            DataForm form = OwnerForm.fetch(connection, roomJid);
            if (form == null) {
                log.warn("Room {}: the server sent no configuration form", room);
                configurationChecked = true;
                return;
            }
            warnedNoOwnerRights = false;
            RoomConfigPlan plan = RoomConfigPlan.of(form, settings.desired(), created);
            if (!plan.unsupported().isEmpty() && !warnedUnsupported) {
                warnedUnsupported = true;
                log.warn("Room {}: this server cannot express these desired settings: {}", room,
                        String.join("; ", plan.unsupported()));
            }
            if (plan.hasChanges()) {
                submit(plan.toSubmit().orElseThrow());
                log.info("Room {}: {} {}", room, created ? "configured new room:" : "put drifted settings back:",
                        String.join(", ", plan.changed()));
                emit(new RoomConfiguredEvent(room, plan.changed(), clock.instant()));
            } else if (created) {
                submit(DataForm.builder(DataForm.Type.submit).build());
                emit(new RoomConfiguredEvent(room, List.of(), clock.instant()));
            }
            configurationChecked = true;
        } catch (XMPPException.XMPPErrorException e) {
            // Refused: the answer is known, and waiting would not change it before the next periodic check.
            configurationChecked = true;
            StanzaError.Condition condition = e.getStanzaError().getCondition();
            if (condition == StanzaError.Condition.forbidden || condition == StanzaError.Condition.not_authorized
                    || condition == StanzaError.Condition.not_allowed) {
                if (!warnedNoOwnerRights) {
                    warnedNoOwnerRights = true;
                    log.warn("Room {}: the bot is not an owner of this room ({}), so it cannot keep its configuration; "
                            + "grant it the owner affiliation. The bot stays in the room.", room, condition);
                }
            } else {
                log.warn("Room {}: configuration refused: {}", room, e.getStanzaError());
            }
        } catch (SmackException.NoResponseException e) {
            if (created) {
                // Prosody keeps a new room locked (others get item-not-found) until its form is submitted: do
                // not leave it so until the next periodic check.
                log.warn("Room {}: no answer to the configuration of the new room; trying again shortly", room);
                timer.schedule(() -> worker.execute(() -> reconcile(true)), RETRY_NEW_ROOM_CONFIGURATION.toMillis(),
                        TimeUnit.MILLISECONDS);
                return;
            }
            log.warn("Room {}: no answer to the configuration request; will check again", room);
        } catch (SmackException.NotConnectedException e) {
            log.debug("Room {}: not connected, configuration check skipped", room);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(DataForm form) throws SmackException.NoResponseException, XMPPException.XMPPErrorException,
            SmackException.NotConnectedException, InterruptedException {
        OwnerForm.submit(session.connection(), roomJid, form);
    }

    /** XEP-0410: ping our own occupant JID; the room answers only if it still counts us in. */
    private void selfPing() {
        if (state != State.JOINED) {
            return;
        }
        try {
            Ping ping = new Ping(occupantJid(nick));
            session.connection().sendIqRequestAndWaitForResponse(ping);
            lastTraffic = clock.instant();
        } catch (XMPPException.XMPPErrorException e) {
            switch (e.getStanzaError().getCondition()) {
                // Routed to our own client, which just doesn't do ping: we are still in.
                case service_unavailable, feature_not_implemented, item_not_found -> lastTraffic = clock.instant();
                case remote_server_not_found, remote_server_timeout ->
                        log.debug("Room {}: self-ping inconclusive ({})", room, e.getStanzaError().getCondition());
                default -> {
                    log.warn("Room {}: self-ping says the bot is no longer in the room ({}); rejoining", room,
                            e.getStanzaError().getCondition());
                    resetMembership();
                    enter(State.NOT_JOINED, Optional.of("membership lost"));
                    emit(new RoomLeftEvent(room, RoomLeftEvent.Reason.MEMBERSHIP_LOST,
                            e.getStanzaError().getCondition().toString(), clock.instant()));
                    join();
                }
            }
        } catch (SmackException.NoResponseException e) {
            log.debug("Room {}: self-ping unanswered", room);
        } catch (SmackException.NotConnectedException e) {
            log.debug("Room {}: self-ping skipped, not connected", room);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- stanzas (Smack's listener thread)

    void onPresence(Presence presence) {
        lastTraffic = clock.instant();
        Resourcepart from = presence.getFrom().getResourceOrNull();
        if (from == null) {
            return;
        }
        CompletableFuture<Presence> join = pendingJoin;
        if (presence.getType() == Presence.Type.error) {
            if (join != null && (from.equals(pendingNick) || presence.getStanzaId() != null
                    && presence.getStanzaId().equals(pendingJoinId))) {
                join.completeExceptionally(new JoinRefusedException(presence.getError()));
            }
            return;
        }
        MUCUser muc = MUCUser.from(presence);
        boolean toSelf = muc != null && muc.getStatus().contains(MUCUser.Status.PRESENCE_TO_SELF_110);
        // ejabberd's "room destroyed" presence carries neither status 110 nor our JID: recognise our nick.
        boolean fromOurNick = from.equals(join != null ? pendingNick : nick);
        if (toSelf || fromOurNick && (join != null || selfPresenceSeen)) {
            onSelfPresence(presence, muc, join);
            return;
        }
        String occupantNick = from.toString();
        if (presence.getType() == Presence.Type.available) {
            onOccupantAvailable(occupantNick, presence);
        } else if (presence.getType() == Presence.Type.unavailable) {
            onOccupantUnavailable(occupantNick, presence, muc);
        }
    }

    private void onSelfPresence(Presence presence, MUCUser muc, CompletableFuture<Presence> join) {
        if (presence.getType() == Presence.Type.available) {
            if (join != null && !join.isDone()) {
                selfPresenceSeen = true;
                join.complete(presence);
            }
            return;
        }
        if (presence.getType() != Presence.Type.unavailable || leaving || !selfPresenceSeen) {
            return;
        }
        Set<MUCUser.Status> statuses = muc == null ? Set.of() : muc.getStatus();
        MUCItem item = muc == null ? null : muc.getItem();
        String reason = item != null && item.getReason() != null ? item.getReason() : "";
        selfPresenceSeen = false;
        if (muc != null && muc.getDestroy() != null) {
            String why = muc.getDestroy().getReason() == null ? "" : muc.getDestroy().getReason();
            log.warn("Room {}: the room was destroyed ({}); recreating it", room, why);
            lost(RoomLeftEvent.Reason.ROOM_DESTROYED, why, true);
        } else if (statuses.contains(MUCUser.Status.BANNED_301)) {
            log.error("Room {}: the bot was BANNED{}; it will not rejoin", room, reason.isEmpty() ? "" : " (" + reason + ")");
            lost(RoomLeftEvent.Reason.BANNED, reason, false);
            worker.execute(() -> enter(State.BANNED, Optional.of("banned" + (reason.isEmpty() ? "" : ": " + reason))));
        } else if (statuses.contains(MUCUser.Status.KICKED_307)) {
            log.warn("Room {}: the bot was kicked{}; rejoining", room, reason.isEmpty() ? "" : " (" + reason + ")");
            lost(RoomLeftEvent.Reason.KICKED, reason, false);
            worker.execute(() -> scheduleRejoin("kicked" + (reason.isEmpty() ? "" : ": " + reason)));
        } else {
            log.warn("Room {}: removed from the room (status {}); rejoining", room, statuses);
            lost(RoomLeftEvent.Reason.MEMBERSHIP_LOST, statuses.toString(), false);
            worker.execute(() -> scheduleRejoin("removed from the room " + statuses));
        }
    }

    private void lost(RoomLeftEvent.Reason reason, String detail, boolean rejoinAtOnce) {
        emit(new RoomLeftEvent(room, reason, detail, clock.instant()));
        worker.execute(() -> {
            resetMembership();
            enter(State.NOT_JOINED, Optional.of(reason.toString().toLowerCase().replace('_', ' ')));
            if (rejoinAtOnce) {
                join();
            }
        });
    }

    private void onOccupantAvailable(String occupantNick, Presence presence) {
        Occupant now = Snapshots.occupant(occupantNick, presence);
        Occupant before = occupants.put(occupantNick, now);
        if (!selfPresenceSeen) {
            return; // already there while we joined: part of the room, not news
        }
        Instant at = clock.instant();
        if (before == null) {
            String oldNick = pendingRenames.remove(occupantNick);
            emit(oldNick != null
                    ? new OccupantNickChangedEvent(room, now, oldNick, at)
                    : new OccupantJoinedEvent(room, now, at));
            return;
        }
        if (before.role() != now.role()) {
            emit(new OccupantRoleChangedEvent(room, now, before.role(), now.role(), at));
        }
        if (before.affiliation() != now.affiliation()) {
            emit(new OccupantAffiliationChangedEvent(room, now, before.affiliation(), now.affiliation(), at));
        }
    }

    private void onOccupantUnavailable(String occupantNick, Presence presence, MUCUser muc) {
        Occupant gone = occupants.remove(occupantNick);
        if (!selfPresenceSeen) {
            return;
        }
        if (gone == null) {
            gone = Snapshots.occupant(occupantNick, presence);
        }
        Set<MUCUser.Status> statuses = muc == null ? Set.of() : muc.getStatus();
        MUCItem item = muc == null ? null : muc.getItem();
        Instant at = clock.instant();
        if (statuses.contains(MUCUser.Status.NEW_NICKNAME_303) && item != null && item.getNick() != null) {
            pendingRenames.put(item.getNick().toString(), occupantNick);
            return;
        }
        Optional<String> actor = item == null || item.getActorNick() == null
                ? Optional.empty() : Optional.of(item.getActorNick().toString());
        Optional<String> reason = item == null ? Optional.empty() : Optional.ofNullable(item.getReason());
        if (statuses.contains(MUCUser.Status.KICKED_307)) {
            emit(new OccupantKickedEvent(room, gone, actor, reason, at));
        } else if (statuses.contains(MUCUser.Status.BANNED_301)) {
            emit(new OccupantBannedEvent(room, gone, actor, reason, at));
        } else {
            emit(new OccupantLeftEvent(room, gone, Optional.ofNullable(presence.getStatus()), at));
        }
    }

    void onMessage(Message message) {
        lastTraffic = clock.instant();
        if (message.getType() == Message.Type.error || !selfPresenceSeen) {
            return;
        }
        Resourcepart from = message.getFrom().getResourceOrNull();
        if (message.getType() == Message.Type.groupchat) {
            onGroupchat(message, from);
        } else if (from != null && message.getBody() != null && !from.equals(nick)
                && DelayInformation.from(message) == null) {
            String senderNick = from.toString();
            emit(new PrivateMessageReceivedEvent(room, occupants.getOrDefault(senderNick, Snapshots.unknown(senderNick)),
                    Snapshots.message(message, roomJid), clock.instant()));
        }
    }

    private void onGroupchat(Message message, Resourcepart from) {
        if (message.getSubject() != null && message.getBody() == null) {
            onSubject(message.getSubject(), from);
            return;
        }
        if (message.getBody() == null || from == null) {
            return;
        }
        // History, delayed delivery and anything before the subject are replays, not live talk.
        if (DelayInformation.from(message) != null || !subjectSeen) {
            return;
        }
        if (from.equals(nick)) {
            return; // our own message, reflected by the room
        }
        String senderNick = from.toString();
        emit(new RoomMessageReceivedEvent(room, occupants.getOrDefault(senderNick, Snapshots.unknown(senderNick)),
                Snapshots.message(message, roomJid), clock.instant()));
    }

    private void onSubject(String newSubject, Resourcepart from) {
        if (!subjectSeen) {
            // The subject the room sends on join ends the replay; it is not a change.
            subjectSeen = true;
            subject = newSubject;
            return;
        }
        String old = subject;
        subject = newSubject;
        emit(new SubjectChangedEvent(room, Optional.ofNullable(old).filter(s -> !s.isEmpty()), newSubject,
                Optional.ofNullable(from).map(Resourcepart::toString), from != null && from.equals(nick),
                clock.instant()));
    }

    // ---------------------------------------------------------------- sending

    /** Sends a message to the whole room; returns its id. */
    String send(String body) throws SmackException.NotConnectedException, InterruptedException {
        MessageBuilder builder = session.connection().getStanzaFactory().buildMessageStanza()
                .ofType(Message.Type.groupchat).to(roomJid).setBody(body);
        OriginIdElement.addTo(builder);
        Message message = builder.build();
        session.connection().sendStanza(message);
        return message.getStanzaId();
    }

    Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    List<Occupant> occupants() {
        return new ArrayList<>(occupants.values());
    }

    Resourcepart nick() {
        return nick;
    }

    // ---------------------------------------------------------------- helpers

    private void resetMembership() {
        selfPresenceSeen = false;
        subjectSeen = false;
        subject = null;
        occupants.clear();
        pendingRenames.clear();
    }

    private void failPendingJoin(Exception cause) {
        CompletableFuture<Presence> join = pendingJoin;
        if (join != null) {
            join.completeExceptionally(cause);
        }
    }

    private void enter(State next, Optional<String> why) {
        if (state != next) {
            log.info("Room {}: {} -> {}{}", room, state, next, why.map(w -> " (" + w + ")").orElse(""));
            stateSince = clock.instant();
        }
        state = next;
        problem = why;
    }

    private void emit(BotEvent event) {
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            log.error("Room {}: event sink failed on {}", room, event.getClass().getSimpleName(), e);
        }
    }

    private EntityFullJid occupantJid(Resourcepart occupantNick) {
        return JidCreate.entityFullFrom(roomJid, occupantNick);
    }

    private static Resourcepart fallbackNick(Resourcepart base, int attempt) {
        try {
            return Resourcepart.from(base + "_" + attempt);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Cannot derive a fallback nick from " + base, e);
        }
    }

    /** The room answered the join presence with an error. */
    static final class JoinRefusedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient StanzaError error;

        JoinRefusedException(StanzaError error) {
            super(error == null ? "unknown error" : error.toString());
            this.error = error;
        }

        StanzaError.Condition condition() {
            return error == null ? StanzaError.Condition.undefined_condition : error.getCondition();
        }

        String describe() {
            if (error == null) {
                return "no reason given";
            }
            return error.getCondition() + (error.getDescriptiveText() == null ? "" : ": " + error.getDescriptiveText());
        }
    }
}
