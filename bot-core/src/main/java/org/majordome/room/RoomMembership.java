package org.majordome.room;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.event.BotEvent;
import org.majordome.api.event.RoomJoinedEvent;
import org.majordome.api.event.RoomLeftEvent;
import org.majordome.config.RoomSettings;
import org.majordome.intake.EventSink;
import org.majordome.intake.RoomStanzaIntake;
import org.majordome.room.RoomProblem.Kind;
import org.majordome.room.RoomStatus.State;
import org.majordome.xmpp.Backoff;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's membership of one room, as a state machine ({@link State}): joins (through {@link RoomJoiner}),
 * comes back after every way of losing the room (a new session, a kick, a destroyed room, a membership the
 * self-ping found lost) with a backoff, tries again less and less often while banned ({@link BanRetry}) and says
 * once when it comes back from a ban without ownership, leaves with a goodbye. Its transitions run on
 * the room's serial worker; the bot's own presences ({@link OwnPresence}) arrive on Smack's listener thread
 * and only hand work to that worker.
 */
final class RoomMembership implements OwnPresence.Room {

    private static final Logger log = LoggerFactory.getLogger(RoomMembership.class);

    /** What the room does once it is in: checks its configuration and features. Worker thread. */
    interface AfterJoin {
        /** The room answered the join; it counts as joined right after this (readiness starts over). */
        void entering();

        /** @param created the bot has just created the room */
        void joined(boolean created);

        /** The session was resumed: the membership survived, but something may have drifted. */
        void resumed();
    }

    private final EntityBareJid roomJid;
    private final String room;
    private final Supplier<RoomSettings> settings;
    private final Resourcepart defaultNick;
    private final XmppSession session;
    private final Consumer<BotEvent> emit;
    private final Clock clock;
    private final Backoff backoff;
    private final ScheduledExecutorService timer;
    private final ExecutorService worker;
    private final Semaphore joinPermits;
    private final RoomJoiner joiner;
    private final OwnPresence own;
    private final RoomStanzaIntake intake;
    private final SelfPing selfPing;
    private final RoomSender sender;
    private final AfterJoin after;
    private final BanRetry banRetry;

    private volatile State state = State.NOT_JOINED;
    private volatile Instant stateSince;
    private volatile Optional<RoomProblem> problem = Optional.empty();
    private volatile Resourcepart nick;
    private volatile boolean leaving;
    /** Set as the stream drops: the worker may still be waiting on the silent server, the room is not joined now. */
    private volatile boolean streamDown;

    // Touched only on the worker thread.
    private int failedJoins;
    /** Was joined when the stream dropped; the membership may come back with a resumed session. */
    private boolean suspended;
    private ScheduledFuture<?> scheduledRejoin;

    RoomMembership(Supplier<RoomSettings> settings, Resourcepart defaultNick, XmppSession session, EventSink sink,
                   Consumer<BotEvent> emit, Clock clock, Backoff backoff, ScheduledExecutorService timer,
                   ExecutorService worker, Semaphore joinPermits, SelfPing selfPing, RoomSender sender,
                   AfterJoin after, Consumer<AdminNotice> tellAdmins) {
        this.settings = settings;
        this.roomJid = settings.get().jid();
        this.room = roomJid.toString();
        this.defaultNick = defaultNick;
        this.session = session;
        this.emit = emit;
        this.clock = clock;
        this.backoff = backoff;
        this.timer = timer;
        this.worker = worker;
        this.joinPermits = joinPermits;
        this.selfPing = selfPing;
        this.sender = sender;
        this.after = after;
        this.banRetry = new BanRetry(room, backoff.max(), backoff.random(), timer, this::retryIfBanned, tellAdmins);
        this.nick = settings.get().nick().orElse(defaultNick);
        this.stateSince = clock.instant();
        this.joiner = new RoomJoiner(roomJid);
        this.own = new OwnPresence(this, joiner);
        this.intake = new RoomStanzaIntake(roomJid, own, sink, clock);
    }

    /** Where the room's stanzas become events; it asks this membership about the bot's own presences. */
    RoomStanzaIntake intake() {
        return intake;
    }

    RoomStatus status(boolean configurationChecked) {
        State now = state;
        if (streamDown && now == State.JOINED) {
            return new RoomStatus(room, State.NOT_JOINED, nick.toString(), intake.occupants().size(), clock.instant(),
                    Optional.of(RoomProblem.of(Kind.WAITING_TO_RESUME)), configurationChecked);
        }
        return new RoomStatus(room, now, nick.toString(), intake.occupants().size(), stateSince, problem,
                configurationChecked);
    }

    boolean isJoined() {
        return state == State.JOINED && !streamDown;
    }

    /** Asks for a join as soon as possible (cancels a scheduled rejoin). */
    void requestJoin() {
        worker.execute(() -> {
            cancelScheduledRejoin();
            join();
        });
    }

    /**
     * Tries again at once, as an administrator asked, when the bot is out of the room (banned, refused, waiting
     * to rejoin); the waits between attempts start over.
     *
     * @return false when the bot is in the room or has left it for good
     */
    boolean retryNow() {
        State now = state;
        if (now == State.JOINED || now == State.STOPPED) {
            return false;
        }
        worker.execute(() -> {
            banRetry.startOver();
            cancelScheduledRejoin();
            join();
        });
        return true;
    }

    /** Tries again when the bot is banned (a configuration check, or the ban's back-off is over). */
    void retryIfBanned() {
        worker.execute(() -> {
            if (state == State.BANNED) {
                banRetry.cancel();
                join();
            }
        });
    }

    /** The stream was replaced by a new session: the server forgot every room membership. */
    void sessionLost() {
        joiner.fail(new SmackException.NotConnectedException("the session was lost"));
        worker.execute(() -> {
            streamDown = false;
            if (state == State.JOINED || state == State.JOINING || suspended) {
                suspended = false;
                resetMembership();
                enter(State.NOT_JOINED, Optional.of(RoomProblem.of(Kind.CONNECTION_LOST)));
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
        streamDown = true;
        joiner.fail(new SmackException.NotConnectedException("the connection dropped"));
        worker.execute(() -> {
            if (state == State.JOINED) {
                suspended = true;
                enter(State.NOT_JOINED, Optional.of(RoomProblem.of(Kind.WAITING_TO_RESUME)));
            }
        });
    }

    /** Stream management resumed the session: memberships survived; check nothing drifted meanwhile. */
    void sessionResumed() {
        worker.execute(() -> {
            streamDown = false;
            if (suspended) {
                suspended = false;
                enter(State.JOINED, Optional.empty());
            }
            after.resumed();
        });
    }

    /** Leaves the room with a status text and stops keeping it. */
    CompletableFuture<Void> leave(String statusText) {
        // Now, not on a worker that may still wait on a request: the bot's own departure is never a removal.
        leaving = true;
        return CompletableFuture.runAsync(() -> {
            cancelScheduledRejoin();
            boolean wasJoined = state == State.JOINED;
            // A join left unanswered may have let the bot in after all (a late answer): a room it was creating would
            // stay locked with it inside, and no other instance of a cluster could enter. Leave it all the same.
            boolean mayBeIn = wasJoined || state == State.JOINING || failedJoins > 0;
            enter(State.STOPPED, Optional.empty());
            if (mayBeIn && session.isOnline()) {
                try {
                    sender.goodbye(nick, statusText);
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

    private void join() {
        if (state == State.STOPPED || state == State.JOINED || !session.isOnline()) {
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
        RoomJoiner.Outcome outcome = joiner.joinWithFallbackNicks(session, settings.get().nick().orElse(defaultNick),
                settings.get().password(), () -> {
                    if (state != State.BANNED) {
                        // A banned room stays BANNED while tried again: no two state lines per attempt.
                        enter(State.JOINING, problem);
                    }
                    resetMembership();
                });
        switch (outcome) {
            case RoomJoiner.Outcome.Joined joined -> joined(joined.self(), joined.usedFallback());
            case RoomJoiner.Outcome.Banned banned -> {
                enter(State.BANNED, Optional.of(RoomProblem.of(Kind.JOIN_BANNED, banned.serverText())));
                banRetry.refused(String.valueOf(banned.serverText()));
            }
            case RoomJoiner.Outcome.Retry retry -> scheduleRejoin(retry.why());
            case RoomJoiner.Outcome.NotConnected notConnected -> enter(State.NOT_JOINED, Optional.of(RoomProblem.of(Kind.NOT_CONNECTED)));
            case RoomJoiner.Outcome.Interrupted interrupted -> { }
        }
    }

    private void joined(Presence self, boolean usedFallback) {
        nick = self.getFrom().getResourceOrThrow();
        MUCUser muc = MUCUser.from(self);
        boolean created = muc != null && muc.getStatus().contains(MUCUser.Status.ROOM_CREATED_201);
        failedJoins = 0;
        after.entering();
        enter(State.JOINED, usedFallback ? Optional.of(RoomProblem.of(Kind.FALLBACK_NICK, nick.toString())) : Optional.empty());
        selfPing.heard();
        log.info("Room {}: joined as '{}'{}", room, nick, created ? " (created it)" : "");
        emit(new RoomJoinedEvent(room, nick.toString(), created, List.copyOf(intake.occupants()), clock.instant()));
        banRetry.joined(muc);
        after.joined(created);
    }

    private void scheduleRejoin(RoomProblem why) {
        if (state == State.STOPPED) {
            return;
        }
        Duration delay = backoff.delay(failedJoins++);
        enter(State.WAITING_TO_REJOIN, Optional.of(why));
        log.warn("Room {}: {}; trying again in {} s", room, why, Math.max(1, delay.toSeconds()));
        cancelScheduledRejoin();
        scheduledRejoin = timer.schedule(() -> worker.execute(this::join), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelScheduledRejoin() {
        banRetry.cancel();
        if (scheduledRejoin != null) {
            scheduledRejoin.cancel(false);
            scheduledRejoin = null;
        }
        if (state == State.WAITING_TO_REJOIN) {
            enter(State.NOT_JOINED, problem);
        }
    }

    /** The self-ping's answer says the room no longer counts the bot in (worker thread). */
    void membershipLost(StanzaError.Condition condition) {
        resetMembership();
        enter(State.NOT_JOINED, Optional.of(RoomProblem.of(Kind.MEMBERSHIP_LOST)));
        emit(new RoomLeftEvent(room, RoomLeftEvent.Reason.MEMBERSHIP_LOST, condition.toString(), clock.instant()));
        join();
    }

    // ---------------------------------------------------------------- own presences (Smack's listener thread)

    @Override
    public void heard() {
        selfPing.heard();
    }

    @Override
    public Resourcepart nick() {
        return nick;
    }

    @Override
    public boolean leaving() {
        return leaving;
    }

    @Override
    public void removed(MUCUser muc) {
        Set<MUCUser.Status> statuses = muc == null ? Set.of() : muc.getStatus();
        MUCItem item = muc == null ? null : muc.getItem();
        String reason = item != null && item.getReason() != null ? item.getReason() : "";
        if (muc != null && muc.getDestroy() != null) {
            String why = muc.getDestroy().getReason() == null ? "" : muc.getDestroy().getReason();
            log.warn("Room {}: the room was destroyed ({}); recreating it", room, why);
            lost(RoomLeftEvent.Reason.ROOM_DESTROYED, why, true);
        } else if (statuses.contains(MUCUser.Status.BANNED_301)) {
            lost(RoomLeftEvent.Reason.BANNED, reason, false);
            RoomProblem why = RoomProblem.bannedByRoom(reason);
            worker.execute(() -> {
                enter(State.BANNED, Optional.of(why));
                banRetry.refused(why.toString());
            });
        } else if (statuses.contains(MUCUser.Status.KICKED_307)) {
            log.warn("Room {}: the bot was kicked{}; rejoining", room, reason.isEmpty() ? "" : " (" + reason + ")");
            lost(RoomLeftEvent.Reason.KICKED, reason, false);
            worker.execute(() -> scheduleRejoin(RoomProblem.kicked(reason)));
        } else {
            log.warn("Room {}: removed from the room (status {}); rejoining", room, statuses);
            lost(RoomLeftEvent.Reason.MEMBERSHIP_LOST, statuses.toString(), false);
            worker.execute(() -> scheduleRejoin(RoomProblem.of(Kind.REMOVED, statuses.toString())));
        }
    }

    private void lost(RoomLeftEvent.Reason reason, String detail, boolean rejoinAtOnce) {
        emit(new RoomLeftEvent(room, reason, detail, clock.instant()));
        worker.execute(() -> {
            resetMembership();
            enter(State.NOT_JOINED, Optional.of(RoomProblem.of(Kind.valueOf(reason.name())))); // the kinds share its names
            if (rejoinAtOnce) {
                join();
            }
        });
    }

    private void resetMembership() {
        own.reset();
        intake.reset();
    }

    private void enter(State next, Optional<RoomProblem> why) {
        if (state != next) {
            log.info("Room {}: {} -> {}{}", room, state, next, why.map(w -> " (" + w + ")").orElse(""));
            stateSince = clock.instant();
        }
        state = next;
        problem = why;
    }

    private void emit(BotEvent event) {
        emit.accept(event);
    }
}
