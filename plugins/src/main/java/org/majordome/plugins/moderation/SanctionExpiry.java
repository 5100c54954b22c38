package org.majordome.plugins.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

import org.majordome.api.PluginContext;
import org.majordome.api.event.Role;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.schedule.Firing;
import org.majordome.plugins.moderation.ModerationConfig.Sanction;

/**
 * Ends temporary sanctions (and lockdowns, for {@link Lockdown}) through one persistent job, so that they end
 * on time across restarts: a job that came due while the bot was down runs once at start. A job that cannot
 * act yet (the bot is not back in the room) tries again later. A sanction ends once: its
 * {@link PendingSanction} is forgotten when it ended, and a job that finds none does nothing.
 */
final class SanctionExpiry {

    static final String EXPIRY_JOB = "expire";
    /** How long an expiry that could not act waits before trying again. */
    private static final Duration EXPIRY_RETRY = Duration.ofSeconds(5);
    private static final Duration EXPIRY_RETRY_MAX = Duration.ofMinutes(5);

    private final PluginContext<ModerationConfig> context;
    private final CaseBook book;
    private final Lockdown lockdown;
    private final BanPublisher publisher;

    SanctionExpiry(PluginContext<ModerationConfig> context, CaseBook book, Lockdown lockdown, BanPublisher publisher) {
        this.context = context;
        this.book = book;
        this.lockdown = lockdown;
        this.publisher = publisher;
    }

    /** Takes the persistent job's firings; call at start. */
    void start() {
        context.scheduler().onPersistentJob(EXPIRY_JOB, this::expire);
    }

    /** Stores the end of a temporary mute or ban (replacing an earlier end of the same offender's). */
    void schedule(String room, PendingSanction pending) {
        Offender offender = pending.offender();
        String what = pending.sanction() == Sanction.MUTE ? "unmute" : "unban";
        String payload = Fields.encode(Map.of("room", room, "what", what, "offender", offender.key(),
                "nick", offender.nick(), "jid", offender.realJid().orElse(""),
                "case", Long.toString(pending.caseNumber()), "pending", "true"));
        context.scheduler().room(room).schedulePersistent(EXPIRY_JOB, pending.expiryJob(), pending.until().orElseThrow(),
                payload);
    }

    /** Whether the end of this pending sanction is scheduled. */
    boolean scheduled(String room, PendingSanction pending) {
        return context.scheduler().room(room).job(pending.expiryJob()).isPresent();
    }

    /**
     * Forgets the pending mutes or bans of whoever {@code whose} accepts, and their ends: a moderator lifted
     * them early ({@code !unmute}, {@code !unban}).
     */
    void lifted(String room, Sanction sanction, Predicate<Offender> whose) {
        for (PendingSanction pending : book.pending(room)) {
            if (pending.sanction() == sanction && whose.test(pending.offender())) {
                cancel(room, pending.expiryJob());
                book.deletePending(room, pending.caseNumber());
            }
        }
    }

    /** Forgets the end of a sanction a moderator ended early ({@code unmute:<offender>}, {@code unban:jid:<jid>}). */
    void cancel(String room, String jobName) {
        context.scheduler().room(room).cancel(jobName);
    }

    /** Ends a temporary sanction or a lockdown; runs once even when it came due while the bot was down. */
    private void expire(String payload, Firing firing) {
        Map<String, String> job = Fields.decode(payload);
        String roomJid = job.get("room");
        Optional<RoomHandle> handle = context.rooms().room(roomJid);
        if (handle.isEmpty()) {
            return;
        }
        RoomHandle room = handle.get();
        if (!room.joined()) {
            // Due while the bot is not in the room, typically at start after downtime: acting now would fail (and a
            // ban would stay for good), so the job waits for the bot to be back.
            retry(roomJid, firing, job, "the bot is not in the room yet");
            return;
        }
        Optional<Long> caseNumber = Boolean.parseBoolean(job.get("pending"))
                ? Optional.of(Long.parseLong(job.get("case"))) : Optional.empty();
        if (caseNumber.isPresent() && book.pending(roomJid, caseNumber.get()).isEmpty()) {
            // Ended already (this is a repeat after a crash), lifted by a moderator, or it never took effect.
            context.logger(roomJid).debug("{} of case #{}: nothing pending any more", job.get("what"), job.get("case"));
            return;
        }
        switch (job.get("what")) {
            case "unmute" -> {
                book.deleteMute(roomJid, job.get("offender"));
                caseNumber.ifPresent(number -> book.deletePending(roomJid, number));
                MuteNotices.ended(context, roomJid, MuteNotices.offender(job.get("offender"), job.get("nick"),
                        job.get("jid")), "expired");
                room.occupants().stream().filter(occupant -> Offender.of(occupant).key().equals(job.get("offender")))
                        .filter(occupant -> occupant.role() == Role.VISITOR)
                        .forEach(occupant -> room.grantVoice(occupant.nick()));
                context.logger(roomJid).info("Mute of case #{} ended", job.get("case"));
            }
            case "unban" -> {
                ActionResult result = awaitResult(room.unban(job.get("jid")));
                switch (result) {
                    case ActionResult.Done done -> {
                        caseNumber.ifPresent(number -> book.deletePending(roomJid, number));
                        publisher.lifted(job.get("jid"));
                        context.logger(roomJid).info("Ban of case #{} ended", job.get("case"));
                    }
                    case ActionResult.Failed failed -> retry(roomJid, firing, job, failed.why());
                    default -> context.logger(roomJid).warn("Ban of case #{} could not be lifted: {}", job.get("case"),
                            Enforcer.explain(result));
                }
            }
            case "unlock" -> lockdown.due(room, job);
            default -> context.logger(roomJid).warn("Unknown expiry job {}", job);
        }
    }

    /**
     * Tries the expiry again later, waiting twice as long each time up to {@link #EXPIRY_RETRY_MAX}: a bot kept
     * out of the room for long (banned from it) must not retry, nor log, every few seconds.
     */
    private void retry(String roomJid, Firing firing, Map<String, String> job, String why) {
        int retries = Integer.parseInt(job.getOrDefault("retries", "0"));
        Duration delay = EXPIRY_RETRY.multipliedBy(1L << Math.min(retries, 6));
        delay = delay.compareTo(EXPIRY_RETRY_MAX) > 0 ? EXPIRY_RETRY_MAX : delay;
        Map<String, String> next = new HashMap<>(job);
        next.put("retries", Integer.toString(retries + 1));
        context.scheduler().room(roomJid).schedulePersistent(EXPIRY_JOB, firing.jobName(),
                context.clock().instant().plus(delay), Fields.encode(next));
        if (retries == 0) {
            context.logger(roomJid).info("{} postponed by {} s: {}", firing.jobName(), delay.toSeconds(), why);
        } else {
            context.logger(roomJid).debug("{} postponed again by {} s: {}", firing.jobName(), delay.toSeconds(), why);
        }
    }

    /** Waits on a job's thread for an action's outcome; the room actions bound the wait with the reply timeout. */
    private static ActionResult awaitResult(CompletionStage<ActionResult> action) {
        try {
            return action.toCompletableFuture().join();
        } catch (RuntimeException e) {
            return new ActionResult.Failed(e.toString());
        }
    }
}
