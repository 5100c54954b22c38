package org.majordome.plugins.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.majordome.api.room.ActionResult;
import org.majordome.api.room.MessageRef;
import org.majordome.api.room.RoomHandle;
import org.majordome.plugins.moderation.ModerationConfig.Sanction;

/**
 * Carries out a sanction in a room without waiting on the server, climbing to the next rung when the room
 * cannot do one: a removal the room does not offer (XEP-0425) or refuses becomes a mute, a refused mute a
 * kick, a refused kick a ban; a ban without a known real JID becomes a kick. A failure that is no answer
 * (timeout, the bot is not in the room) is reported as such, not escalated. The outcome says what was
 * really done and what replaced what, for the case.
 */
final class Enforcer {

    private Enforcer() {
    }

    /**
     * What to do.
     *
     * @param sanction   the main sanction
     * @param duration   for mute and ban; zero: until the occupant leaves (mute), permanent (ban)
     * @param stanzaIds  messages to remove for everyone (besides a {@code REMOVE} sanction: all sanctions)
     * @param reason     the reason the room and the offender see
     * @param warning    what a warning says
     * @param replyTo    the message a warning answers, if any
     * @param privately  warn by private message
     */
    record Plan(Sanction sanction, Duration duration, List<String> stanzaIds, String reason, String warning,
                Optional<MessageRef> replyTo, boolean privately) {
    }

    /**
     * What happened.
     *
     * @param applied  the sanction that took effect, empty when none did
     * @param done     what was done, for people ("remove+mute 10m")
     * @param fallback what replaced what and why; empty when nothing did
     */
    record Outcome(Optional<Sanction> applied, String done, String fallback) {
    }

    static CompletionStage<Outcome> apply(RoomHandle room, Offender offender, Plan plan) {
        boolean removalIsTheSanction = plan.sanction() == Sanction.REMOVE;
        CompletionStage<List<String>> removal = removalIsTheSanction || plan.stanzaIds().isEmpty()
                ? CompletableFuture.completedFuture(List.of()) : remove(room, plan);
        CompletionStage<Step> main = step(room, offender, plan, plan.sanction(), new ArrayList<>());
        return removal.thenCombine(main, (removalProblems, step) -> {
            List<String> notes = new ArrayList<>(step.notes);
            boolean removed = !plan.stanzaIds().isEmpty() && removalProblems.isEmpty() && !removalIsTheSanction;
            if (!removalProblems.isEmpty()) {
                notes.add("message not removed: " + String.join("; ", removalProblems));
            }
            String done = step.applied.map(sanction -> (removed ? "remove+" : "") + describe(sanction, plan.duration()))
                    .orElse(removed ? "remove" : "nothing");
            return new Outcome(step.applied, done, String.join("; ", notes));
        });
    }

    static String describe(Sanction sanction, Duration duration) {
        String name = sanction.name().toLowerCase(java.util.Locale.ROOT);
        boolean timed = (sanction == Sanction.MUTE || sanction == Sanction.BAN) && !duration.isZero();
        return timed ? name + " " + RoomWatch.describe(duration) : name;
    }

    private record Step(Optional<Sanction> applied, List<String> notes) {
    }

    private static CompletionStage<Step> step(RoomHandle room, Offender offender, Plan plan, Sanction sanction,
                                              List<String> notes) {
        CompletionStage<ActionResult> attempt = switch (sanction) {
            case WARN -> plan.privately() || plan.replyTo().isEmpty()
                    ? (plan.privately() ? room.sendPrivate(offender.nick(), plan.warning()) : room.send(plan.warning()))
                    : room.reply(plan.replyTo().get(), plan.warning());
            case REMOVE -> plan.stanzaIds().isEmpty()
                    ? CompletableFuture.completedFuture(new ActionResult.NotSupported("the message has no stanza id"))
                    : all(plan.stanzaIds().stream().map(id -> room.moderateMessage(id, plan.reason())).toList());
            case MUTE -> room.revokeVoice(offender.nick());
            case KICK -> room.kick(offender.nick(), plan.reason());
            case BAN -> offender.realJid().isEmpty()
                    ? CompletableFuture.completedFuture(new ActionResult.NotSupported("the real JID is not known"))
                    : room.ban(offender.realJid().get(), plan.reason());
        };
        return attempt.thenCompose(result -> {
            if (result.succeeded()) {
                return CompletableFuture.completedFuture(new Step(Optional.of(sanction), notes));
            }
            Optional<Sanction> next = result instanceof ActionResult.Failed ? Optional.empty() : next(sanction, notes);
            notes.add(describe(sanction, plan.duration()) + " " + explain(result)
                    + next.map(other -> ", " + other.name().toLowerCase(java.util.Locale.ROOT) + " instead").orElse(""));
            return next.isEmpty() ? CompletableFuture.completedFuture(new Step(Optional.empty(), notes))
                    : step(room, offender, plan, next.get(), notes);
        });
    }

    /** The next rung after one the room could not do; a ban falls back to a kick when no kick was tried. */
    private static Optional<Sanction> next(Sanction failed, List<String> notes) {
        return switch (failed) {
            case WARN -> Optional.empty();
            case REMOVE -> Optional.of(Sanction.MUTE);
            case MUTE -> Optional.of(Sanction.KICK);
            case KICK -> Optional.of(Sanction.BAN);
            case BAN -> notes.stream().anyMatch(note -> note.startsWith("kick")) ? Optional.empty() : Optional.of(Sanction.KICK);
        };
    }

    private static CompletionStage<List<String>> remove(RoomHandle room, Plan plan) {
        List<CompletableFuture<ActionResult>> removals = plan.stanzaIds().stream()
                .map(id -> room.moderateMessage(id, plan.reason()).toCompletableFuture()).toList();
        return CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new)).thenApply(ignored -> removals.stream()
                .map(CompletableFuture::join).filter(result -> !result.succeeded()).map(Enforcer::explain)
                .distinct().toList());
    }

    private static CompletionStage<ActionResult> all(List<CompletionStage<ActionResult>> actions) {
        List<CompletableFuture<ActionResult>> futures = actions.stream().map(CompletionStage::toCompletableFuture).toList();
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenApply(ignored -> futures.stream()
                .map(CompletableFuture::join).filter(result -> !result.succeeded()).findFirst().orElse(ActionResult.DONE));
    }

    static String explain(ActionResult result) {
        return switch (result) {
            case ActionResult.Done done -> "done";
            case ActionResult.Refused refused -> "refused (" + refused.errorCondition()
                    + (refused.text().isEmpty() ? "" : ": " + refused.text()) + ")";
            case ActionResult.NotSupported unsupported -> "not supported (" + unsupported.why() + ")";
            case ActionResult.Failed failed -> "failed (" + failed.why() + ")";
        };
    }
}
