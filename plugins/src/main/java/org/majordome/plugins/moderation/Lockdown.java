package org.majordome.plugins.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.majordome.api.DurationText;
import org.majordome.api.PluginContext;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.ConfigOverlay;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.text.Wording;
import org.majordome.plugins.moderation.ModerationConfig.LockdownMode;
import org.majordome.plugins.moderation.ModerationConfig.Policy;

/**
 * Locks a room down (moderated or members-only) on a join flood or a moderator's {@code !lockdown}, and lifts
 * it when the room has been quiet for the quiet period, or on {@code !unlock}. The lockdown is stored, and its
 * end is a persistent job (run by {@link SanctionExpiry}), so that it survives a restart.
 */
final class Lockdown {

    /** The name of the room-configuration overlay a lockdown puts on the room. */
    private static final String LOCKDOWN_OVERLAY = "lockdown";

    private final PluginContext<ModerationConfig> context;
    private final CaseBook book;
    private final Function<String, RoomWatch> watches;

    Lockdown(PluginContext<ModerationConfig> context, CaseBook book, Function<String, RoomWatch> watches) {
        this.context = context;
        this.book = book;
        this.watches = watches;
    }

    /** The room's joins amount to a flood: locks it down unless it is already, or the rule is in dry run. */
    void joinFlood(RoomHandle room, RoomWatch watch) {
        ModerationConfig.JoinFloodRule rule = watch.policy().joinFlood();
        String why = "more than " + rule.maxJoins() + " joins within " + DurationText.words(rule.per());
        Function<Wording, String> said = wording -> wording.format("lockdown.why.flood", rule.maxJoins(),
                wording.duration(rule.per()));
        if (rule.dryRun() || watch.policy().dryRun()) {
            context.logger(room.roomJid()).info("Would have locked the room down: {} [dry run]", why);
            return;
        }
        if (book.lockdown(room.roomJid()).isPresent()) {
            return;
        }
        lock(room, rule.mode(), context.clock().instant().plus(rule.quietPeriod()), true, why, said);
    }

    /** {@code !lockdown [duration]}. */
    void lockdownCommand(CommandInvocation invocation) {
        RoomHandle room = invocation.room().orElseThrow();
        Policy policy = watches.apply(room.roomJid()).policy();
        Duration duration = invocation.argument(0).flatMap(DurationText::parse).orElse(policy.joinFlood().quietPeriod());
        String asker = invocation.sender().displayName();
        lock(room, policy.joinFlood().mode(), context.clock().instant().plus(duration), false,
                "asked by " + asker, wording -> wording.format("lockdown.why.asked", asker)).thenAccept(result -> {
                    if (!result.succeeded()) {
                        invocation.reply(context.texts().format(invocation, "lockdown.failed",
                                Enforcer.explain(context.texts().replyTo(invocation), result)));
                    }
                });
    }

    /** {@code !unlock}. */
    void unlockCommand(CommandInvocation invocation) {
        RoomHandle room = invocation.room().orElseThrow();
        LockdownMode mode = book.lockdown(room.roomJid()).map(text -> LockdownMode.valueOf(text.split(" ", 2)[0]))
                .orElse(watches.apply(room.roomJid()).policy().joinFlood().mode());
        String asker = invocation.sender().displayName();
        unlock(room, mode, "asked by " + asker, wording -> wording.format("lockdown.why.asked", asker)).thenAccept(result -> {
            if (!result.succeeded()) {
                invocation.reply(context.texts().format(invocation, "unlock.failed",
                        Enforcer.explain(context.texts().replyTo(invocation), result)));
            }
        });
    }

    /** The lockdown's end came due: lifts it, or waits on while joins go on (an automatic lockdown). */
    void due(RoomHandle room, Map<String, String> job) {
        String roomJid = room.roomJid();
        RoomWatch watch = watches.apply(roomJid);
        Instant quietUntil = watch.lastJoin().equals(Instant.MIN) ? Instant.MIN
                : watch.lastJoin().plus(watch.policy().joinFlood().quietPeriod());
        if (Boolean.parseBoolean(job.get("auto")) && quietUntil.isAfter(context.clock().instant())) {
            scheduleUnlock(roomJid, quietUntil, job.get("mode"), true);
        } else {
            unlock(room, LockdownMode.valueOf(job.get("mode")), "the room is quiet again",
                    wording -> wording.format("lockdown.why.quiet"));
        }
    }

    /** @param why what the log says; {@code said} what the room reads, in its language */
    private CompletionStage<ActionResult> lock(RoomHandle room, LockdownMode mode, Instant until, boolean auto,
                                               String why, Function<Wording, String> said) {
        // An overlay on the room's declared configuration: the room keeper keeps it until it is lifted.
        CompletionStage<ActionResult> result = room.applyOverlay(LOCKDOWN_OVERLAY,
                mode == LockdownMode.MODERATED ? ConfigOverlay.moderated(true) : ConfigOverlay.membersOnly(true));
        return result.thenApply(outcome -> {
            if (outcome.succeeded()) {
                book.putLockdown(room.roomJid(), mode + " until " + until);
                scheduleUnlock(room.roomJid(), until, mode.name(), auto);
                Wording wording = context.texts().in(room);
                String key = "lockdown." + (mode == LockdownMode.MODERATED ? "moderated" : "members-only")
                        + (auto ? ".auto" : ".until");
                room.send(wording.format(key, said.apply(wording), until));
                context.logger(room.roomJid()).warn("Locked down ({}): {}", mode, why);
            } else {
                context.logger(room.roomJid()).warn("Could not lock the room down ({}): {}", why, Enforcer.explain(outcome));
            }
            return outcome;
        });
    }

    private void scheduleUnlock(String roomJid, Instant at, String mode, boolean auto) {
        context.scheduler().room(roomJid).schedulePersistent(SanctionExpiry.EXPIRY_JOB, "lockdown", at, Fields.encode(
                Map.of("room", roomJid, "what", "unlock", "mode", mode, "auto", Boolean.toString(auto))));
    }

    private CompletionStage<ActionResult> unlock(RoomHandle room, LockdownMode mode, String why,
                                                 Function<Wording, String> said) {
        context.scheduler().room(room.roomJid()).cancel("lockdown");
        // The room keeper puts the declared settings (or those the room had before) back.
        CompletionStage<ActionResult> result = room.liftOverlay(LOCKDOWN_OVERLAY);
        return result.thenApply(outcome -> {
            book.deleteLockdown(room.roomJid());
            if (outcome.succeeded()) {
                Wording wording = context.texts().in(room);
                room.send(wording.format("lockdown.lifted", said.apply(wording)));
                context.logger(room.roomJid()).info("Lockdown lifted: {}", why);
            } else {
                context.logger(room.roomJid()).warn("Could not lift the lockdown: {}", Enforcer.explain(outcome));
            }
            return outcome;
        });
    }
}
