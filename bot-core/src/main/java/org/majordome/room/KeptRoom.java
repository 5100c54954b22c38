package org.majordome.room;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jivesoftware.smack.SmackException;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.event.BotEvent;
import org.majordome.api.event.Occupant;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.ConfigOverlay;
import org.majordome.api.room.MessageRef;
import org.majordome.api.room.RoomAffiliations;
import org.majordome.api.room.RoomHandle;
import org.majordome.config.RoomSettings;
import org.majordome.config.RoomState;
import org.majordome.intake.EventSink;
import org.majordome.intake.RoomStanzaIntake;
import org.majordome.store.RoomOverlayTable;
import org.majordome.text.TextService;
import org.majordome.xmpp.Backoff;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room the bot keeps: its settings and the parts that keep it, each with one job:
 * {@link RoomMembership} (the join and rejoin state machine), {@link RoomReconciler} (the configuration),
 * {@link VoiceRequests} (the voice request policy),
 * {@link RoomPeopleKeeper} (affiliations and moderators as code),
 * {@link RoomOverlayKeeper} (temporary overlays such as a lockdown), {@link SelfPing} (XEP-0410), {@link RoomFeatures} (disco), {@link RoomSender} (the bot's words), the
 * intake's {@link RoomStanzaIntake} (stanzas into events) and {@link RoomActions}, the handle plugins get.
 *
 * <p>Smack's {@code MultiUserChat} is deliberately not used: it keeps "joined" state across a lost
 * session (so a rejoin first waits out a leave nobody answers), throws away the "room created" status
 * on a plain join, keeps a 5,000-message collector per room and runs listeners that block the reader.
 * This package speaks XEP-0045 directly with Smack's stanza types.
 *
 * <p>Threads: stanzas arrive on Smack's in-order listener thread and are handled there without
 * blocking. Everything that waits for the server (join, configuration, self-ping) runs on this room's own
 * serial worker, so one slow or failing room never holds the others.
 */
final class KeptRoom implements RoomMembership.AfterJoin {

    private static final Logger log = LoggerFactory.getLogger(KeptRoom.class);
    private static final Duration RETRY_NEW_ROOM_CONFIGURATION = Duration.ofSeconds(2);

    private volatile RoomSettings settings;
    private final ZoneId timeZone;
    private final EntityBareJid roomJid;
    private final String room;
    private final EventSink sink;
    private final ScheduledExecutorService timer;
    private final ExecutorService worker;

    private final RoomMembership membership;
    private final RoomReconciler reconciler;
    private final RoomOverlayKeeper overlayKeeper;
    private final SelfPing selfPing;
    private final RoomFeatures features;
    private final RoomSender sender;
    private final RoomActions handle;
    private final RoomPeopleKeeper people;
    private final java.util.Locale language;
    private final Function<RoomState, CompletableFuture<ActionResult>> destroy;
    private final RoomAdmission admission;

    /**
     * @param actions  where the room's handle runs the actions that wait for the server
     * @param overlays where the room's configuration overlays are stored
     * @param timeZone the zone of times shown to the room's occupants when its settings name none
     * @param language the language the bot speaks in the room when its settings name none
     * @param tellAdmins sends a notice to the bot's administrators (direct messages)
     * @param destroy  stops keeping the room and destroys it (see {@link RoomHandle#destroy})
     * @param admission whether the bot may act in the room now: nothing reaches plugins, and no action is taken,
     *                  while it says no
     */
    KeptRoom(RoomSettings settings, Resourcepart defaultNick, XmppSession session, EventSink sink, Clock clock,
             Backoff backoff, ScheduledExecutorService timer, Semaphore joinPermits, Executor actions,
             RoomOverlayTable overlays, ZoneId timeZone, java.util.Locale language, Consumer<AdminNotice> tellAdmins,
             Function<RoomState, CompletableFuture<ActionResult>> destroy, RoomAdmission admission) {
        this.destroy = destroy;
        this.language = language;
        this.settings = settings;
        this.timeZone = timeZone;
        this.roomJid = settings.jid();
        this.room = roomJid.toString();
        this.admission = admission;
        // An instance that may no longer act here (its lease is running out) hands nothing more to plugins.
        EventSink admitted = event -> {
            if (admission.admits(roomJid)) {
                sink.accept(event);
            }
        };
        // Voice requests are decided (and the others' arrivals noted) before any plugin sees them.
        this.sink = VoiceRequests.forRoom(roomJid, () -> this.settings.voiceRequests(),
                nick -> handle().grantVoice(nick), session, actions, admitted, clock,
                () -> TextService.runtimeWording(language(), timeZone()));
        this.timer = timer;
        this.worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("room-" + room).factory());
        this.reconciler = new RoomReconciler(roomJid, session, this::emit, clock);
        this.overlayKeeper = new RoomOverlayKeeper(roomJid, session, overlays);
        this.selfPing = new SelfPing(room, session, clock);
        this.features = new RoomFeatures(roomJid, session);
        this.sender = new RoomSender(roomJid, session);
        this.people = new RoomPeopleKeeper(roomJid, session, this::settings, worker, this::mayAct, actions);
        // Occupant events pass the voice request policy (this.sink), then the declared moderators' watch.
        this.membership = new RoomMembership(this::settings, defaultNick, session, people.watching(this.sink),
                this::emit, clock, backoff, timer, worker, joinPermits, selfPing, sender, this, tellAdmins);
        this.handle = new RoomActions(this, session, actions);
    }

    EntityBareJid jid() {
        return roomJid;
    }

    /** The room's settings from the configuration file (the desired configuration among them). */
    RoomSettings settings() {
        return settings;
    }

    /** The zone of times shown to the room's occupants: {@code rooms[].time-zone}, else {@code runtime.time-zone}. */
    ZoneId timeZone() {
        return settings.timeZone().orElse(timeZone);
    }

    /** The language the bot speaks here: {@code rooms[].language}, else {@code runtime.language}. */
    java.util.Locale language() {
        return settings.texts().language().orElse(language);
    }

    /** What plugins get to act on this room. */
    RoomHandle handle() {
        return handle;
    }

    /** Where the room's ban and unban ask first whether a gateway's person is meant. */
    void useGatewayBans(java.util.function.Supplier<GatewayBans> bans) {
        handle.useGatewayBans(bans);
    }

    /** Where this room's stanzas become events. */
    RoomStanzaIntake intake() {
        return membership.intake();
    }

    RoomStatus status() {
        return membership.status(reconciler.checked()).withUnapplied(people.unapplied());
    }

    /** The room as a status page shows it (see {@link RoomView}). */
    RoomView view() {
        java.util.Map<String, org.majordome.api.event.Affiliation> declared = new java.util.LinkedHashMap<>();
        settings.people().declared().forEach((jid, affiliation) -> declared.put(jid.toString(), affiliation));
        List<String> overlays = overlayKeeper.overlays().all().stream()
                .map(active -> active.name() + " (" + RoomOverlays.encode(active.settings()) + ")").toList();
        return new RoomView(status(), title(), subject(), occupants(), declared, people.managers(), reconciler.last(),
                overlays, selfPing.lastTraffic());
    }

    boolean isJoined() {
        return membership.isJoined();
    }

    /** In the room and allowed to act there (see {@link RoomAdmission}): asked before every action. */
    boolean mayAct() {
        return membership.isJoined() && admission.admits(roomJid);
    }

    // ---------------------------------------------------------------- life cycle

    /** Asks for a join as soon as possible (cancels a scheduled rejoin). */
    void requestJoin() {
        membership.requestJoin();
    }

    /** See {@link RoomMembership#retryNow()}. */
    boolean retryNow() {
        return membership.retryNow();
    }

    /** Tries again to join if the room banned the bot (at each configuration check). */
    void retryIfBanned() {
        membership.retryIfBanned();
    }

    /** The stream was replaced by a new session: the server forgot every room membership. */
    void sessionLost() {
        membership.sessionLost();
    }

    /** The stream dropped; the membership may survive (see {@link RoomMembership#offline()}). */
    void offline() {
        membership.offline();
    }

    /** Stream management resumed the session: memberships survived; check nothing drifted meanwhile. */
    void sessionResumed() {
        membership.sessionResumed();
    }

    /** Leaves the room with a status text and stops keeping it. */
    CompletableFuture<Void> leave(String statusText) {
        // The runtime's own goodbyes in the room's language; a keeper's or a plugin's text as written.
        return membership.leave(Goodbyes.said(statusText, language()));
    }

    void shutdownWorker() {
        worker.shutdownNow();
    }

    /**
     * New settings from a configuration reload: the desired configuration applies at once; a new nick or
     * password at the next join.
     */
    void update(RoomSettings newSettings) {
        worker.execute(() -> {
            settings = newSettings;
            reconciler.settingsChanged();
            people.settingsChanged();
            reconcile(false);
        });
    }

    void requestReconcile() {
        worker.execute(() -> reconcile(false));
    }

    void requestSelfPingIfIdle(Duration idle) {
        if (membership.isJoined() && selfPing.idleFor(idle)) {
            worker.execute(() -> {
                if (membership.isJoined()) {
                    selfPing.ping(JidCreate.entityFullFrom(roomJid, membership.nick()), membership::membershipLost);
                }
            });
        }
    }

    @Override
    public void entering() {
        reconciler.joined();
    }

    @Override
    public void joined(boolean created) {
        reconcile(created);
        features.discover();
    }

    @Override
    public void resumed() {
        reconcile(false);
    }

    /** @param created the bot has just created the room (see {@link RoomReconciler#reconcile}) */
    private void reconcile(boolean created) {
        if (!membership.isJoined()) {
            return;
        }
        // The overlays in force (a lockdown) are part of what the room must look like: never put back.
        if (reconciler.reconcile(overlayKeeper.overlays().effective(settings.desired()), created)) {
            timer.schedule(() -> worker.execute(() -> reconcile(true)), RETRY_NEW_ROOM_CONFIGURATION.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        people.reconcile(occupants());
    }

    /** See {@link RoomHandle#affiliations()}. */
    RoomAffiliations affiliations() {
        return people.actions();
    }

    // ---------------------------------------------------------------- what the handle reads and does

    /** See {@link RoomHandle#applyOverlay}; on the worker, so that no configuration check interleaves. */
    CompletableFuture<ActionResult> applyOverlay(String name, ConfigOverlay overlay) {
        return onWorkerWhileJoined(() -> overlayKeeper.apply(name, overlay, settings.desired()));
    }

    /** See {@link RoomHandle#destroy}: {@code Failed} when the alternative room is not a room JID. */
    CompletableFuture<ActionResult> destroy(String reason, String alternativeRoomJid) {
        if (!admission.admits(roomJid)) {
            return CompletableFuture.completedFuture(new ActionResult.Failed("the bot may not act in " + roomJid + " now"));
        }
        return RoomDestroyer.request(reason, alternativeRoomJid).map(destroy)
                .orElseGet(() -> CompletableFuture.completedFuture(new ActionResult.Failed(
                        "invalid address: '" + alternativeRoomJid + "' is not a room JID")));
    }

    /** See {@link RoomHandle#liftOverlay}. */
    CompletableFuture<ActionResult> liftOverlay(String name) {
        return onWorkerWhileJoined(() -> overlayKeeper.lift(name, settings.desired()));
    }

    private CompletableFuture<ActionResult> onWorkerWhileJoined(Supplier<ActionResult> action) {
        if (!mayAct()) {
            return CompletableFuture.completedFuture(new ActionResult.Failed("the bot is not in " + roomJid + " now"));
        }
        try {
            return CompletableFuture.supplyAsync(() -> mayAct() ? action.get()
                    : new ActionResult.Failed("the bot is not in " + roomJid + " now"), worker);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(new ActionResult.Failed("the room is no longer kept"));
        }
    }

    /** Sends a message to the whole room; returns its id. */
    String send(String body) throws SmackException.NotConnectedException, InterruptedException {
        return sender.send(body);
    }

    /** Answers a room message, addressed by the {@link org.majordome.api.room.Addressing} rule. */
    void reply(MessageRef message, String text) throws SmackException.NotConnectedException, InterruptedException {
        sender.reply(message, text);
    }

    Resourcepart nick() {
        return membership.nick();
    }

    Optional<String> subject() {
        return membership.intake().subject();
    }

    /** See {@link RoomStanzaIntake#subjectShown()}. */
    CompletableFuture<Optional<String>> subjectShown() {
        return membership.intake().subjectShown();
    }

    List<Occupant> occupants() {
        return membership.intake().occupants();
    }

    /** The configured title: the one the bot keeps, so it is the room's name as far as the bot knows. */
    Optional<String> title() {
        return settings.desired().title();
    }

    /** The room's disco#info features as last discovered (XEP-0030 §3.1). */
    Set<String> features() {
        return features.all();
    }

    private void emit(BotEvent event) {
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            log.error("Room {}: event sink failed on {}", room, event.getClass().getSimpleName(), e);
        }
    }
}
