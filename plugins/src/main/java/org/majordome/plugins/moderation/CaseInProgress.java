package org.majordome.plugins.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.majordome.api.PluginContext;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.text.Wording;
import org.majordome.plugins.moderation.Enforcer.Outcome;
import org.majordome.plugins.moderation.ModerationConfig.Sanction;

/**
 * One sanction's case while it is carried out. Before a mute, kick or ban leaves, the case is stored (its
 * number goes into the reason the offender sees) and, for a mute or ban, the {@link PendingSanction} and the
 * job that ends it: a crash at any moment after that leaves a trace the {@link Reconciler} settles at start.
 * Once the server answered, the case says what was done, refused or left unconfirmed, and what is not in
 * force any more is forgotten (its end cancelled). A muted offender is told, once, for how long.
 */
final class CaseInProgress implements Enforcer.Intent {

    private final PluginContext<ModerationConfig> context;
    private final CaseBook book;
    private final SanctionExpiry expiry;
    private final Reconciler reconciler;
    private final RoomHandle room;
    private final Offender offender;
    private final String rule;
    private final String evidence;
    private final String actor;
    private final String reason;
    private final String intended;
    private final List<PendingSanction> intents = new ArrayList<>();
    private long number;
    private String sentReason;
    /** The offence's points while they can still go into the case's commit. */
    private CaseBook.Points unstoredPoints;

    CaseInProgress(Sanctions.Services services, RoomHandle room, Offender offender, String rule, String evidence,
                   String actor, String reason, String intended) {
        this.context = services.context();
        this.book = services.book();
        this.expiry = services.expiry();
        this.reconciler = services.reconciler();
        this.room = room;
        this.offender = offender;
        this.rule = rule;
        this.evidence = evidence;
        this.actor = actor;
        this.reason = reason;
        this.intended = intended;
    }

    /** Stores these points in the case's commit if the case is opened before {@link #takePoints()}. */
    synchronized void carryPoints(CaseBook.Points points) {
        unstoredPoints = points;
    }

    /** The points the case did not store (no mute, kick or ban left yet): the caller stores them. */
    synchronized Optional<CaseBook.Points> takePoints() {
        Optional<CaseBook.Points> left = Optional.ofNullable(unstoredPoints);
        unstoredPoints = null;
        return left;
    }

    @Override
    public synchronized String before(Sanction sanction, Duration duration) {
        Instant now = context.clock().instant();
        String action = Enforcer.describe(sanction, duration);
        boolean lasting = sanction == Sanction.MUTE || sanction == Sanction.BAN;
        Optional<Instant> until = lasting && !duration.isZero() ? Optional.of(now.plus(duration)) : Optional.empty();
        if (number == 0) {
            number = book.record(room.roomJid(), n -> new ModerationCase(n, room.roomJid(), offender.key(),
                    offender.nick(), offender.realJid(), offender.occupantId(), rule, evidence, action + " (pending)",
                    actor, now, until, "", false), takePoints()).number();
            context.logger(room.roomJid()).debug("Case #{} opened: {} — {} → {}", number, offender.describe(), rule,
                    action);
        } else {
            book.update(room.roomJid(), number, entry -> entry.settled(action + " (pending)", entry.fallback(), until));
        }
        if (lasting) {
            // A new mute (ban) of the same offender supersedes the earlier one, whose end job it takes over.
            expiry.lifted(room.roomJid(), sanction, earlier -> earlier.key().equals(offender.key()));
            PendingSanction pending = new PendingSanction(number, sanction, offender, until, action, false);
            book.putPending(room.roomJid(), pending);
            if (until.isPresent()) {
                expiry.schedule(room.roomJid(), pending);
            }
            intents.add(pending);
        }
        // What the room shows with the role change, and the muted person's notice: in the room's language.
        Wording wording = context.texts().in(room);
        String why = reason.isBlank() ? ("manual".equals(rule) ? wording.format("reason.moderators-decision") : rule)
                : reason;
        sentReason = why + Answers.caseNumber(wording, number);
        return sentReason;
    }

    /** Records what the server did; the case number, or 0 when nothing that needs a case before it was sent. */
    synchronized long conclude(Outcome outcome) {
        Sanction applied = outcome.applied().orElse(null);
        if (number == 0) {
            return 0;
        }
        Optional<PendingSanction> kept = intents.isEmpty() || intents.getLast().sanction() != applied
                ? Optional.empty() : Optional.of(intents.getLast());
        Optional<String> forgetMute = Optional.empty();
        for (PendingSanction intent : intents) {
            boolean inForce = kept.map(intent::equals).orElse(false)
                    || outcome.unanswered() && intent.equals(intents.getLast());
            // Each sanction is tried once, so no two intents share an end job.
            if (!inForce) {
                expiry.cancel(room.roomJid(), intent.expiryJob());
                if (intent.sanction() == Sanction.MUTE) {
                    forgetMute = Optional.of(offender.key());
                }
            }
        }
        String action;
        Optional<Instant> expires = Optional.empty();
        Optional<PendingSanction> confirmed = Optional.empty();
        // Only a mute or a ban stored a pending record (before()); the case and that record change in one commit.
        boolean dropPending = !intents.isEmpty();
        if (applied != null) {
            action = outcome.done();
            expires = kept.flatMap(PendingSanction::until);
            if (kept.isPresent() && expires.isPresent()) {
                confirmed = Optional.of(kept.get().confirm());
            }
        } else if (outcome.unanswered() && !intents.isEmpty()) {
            // It may have reached the server: the room's lists will tell.
            action = "unconfirmed: " + intended;
            expires = intents.getLast().until();
            dropPending = false;
        } else {
            action = "refused: " + intended;
        }
        Optional<Instant> end = expires;
        book.settle(room.roomJid(), number, entry -> entry.settled(action, outcome.fallback(), end), confirmed,
                dropPending, forgetMute);
        if (applied == Sanction.MUTE) {
            tellMuted(outcome.duration());
        }
        Sanction meant = applied != null ? applied
                : outcome.unanswered() && !intents.isEmpty() ? intents.getLast().sanction() : null;
        if (meant == Sanction.MUTE) {
            // Unanswered too: the mute may be in force, and the reconciler will see it through.
            MuteNotices.started(context, room.roomJid(), offender, end, number);
        }
        context.logger(room.roomJid()).info("Case #{}: {} — {} → {}", number, offender.describe(), rule, action);
        if (applied == null && outcome.unanswered() && !intents.isEmpty()) {
            reconciler.reconcile(room);
        }
        return number;
    }

    /** One private message: how long, and why. */
    private void tellMuted(Duration duration) {
        Wording wording = context.texts().privatelyTo(room, offender.nick());
        String length = duration.isZero() ? wording.format("muted.until-leave")
                : wording.format("muted.for", wording.duration(duration));
        String where = room.title().orElse(room.roomJid().split("@", 2)[0]);
        room.sendPrivate(offender.nick(), wording.format("muted.notice", where, length, sentReason));
    }
}
