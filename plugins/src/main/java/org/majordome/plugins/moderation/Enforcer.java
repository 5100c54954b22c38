package org.majordome.plugins.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.majordome.api.room.ActionResult;
import org.majordome.api.room.MessageRef;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.text.Wording;
import org.majordome.plugins.moderation.ModerationConfig.Rung;
import org.majordome.plugins.moderation.ModerationConfig.Sanction;

/**
 * Carries out a sanction in a room without waiting on the server, falling back along the room's own ladder
 * when the room cannot do one (a removal it does not offer, XEP-0425; a refused role or affiliation change; a
 * ban without a known real JID): the next rung the keeper configured with a harsher sanction, or, when none
 * is left, the harshest gentler rung other than a warning not tried yet. A warning that cannot be sent is not
 * replaced, and a failure that is no answer (timeout, the bot is not in the room) is reported as such, not
 * escalated. Before a mute, kick or ban leaves, the plan's {@link Intent} makes it durable and gives its
 * reason. The outcome says what was really done and what replaced what, for the case: the action as a stable code
 * ({@link #describe}, which {@link CaseActions} shows in other languages), the notes of a fallback in the room's
 * language (the server's own words inside them stay as it gave them).
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
     * @param ladder     the room's ladder in points order, each rung's duration made explicit: where fallbacks come from
     * @param intent     told before a mute, kick or ban leaves; gives the reason it carries
     * @param notes      the plugin's texts in the room's language: the notes of a fallback
     */
    record Plan(Sanction sanction, Duration duration, List<String> stanzaIds, String reason, String warning,
                Optional<MessageRef> replyTo, boolean privately, List<Rung> ladder, Intent intent, Wording notes) {
    }

    /** What must happen before a mute, kick or ban leaves for the server. */
    @FunctionalInterface
    interface Intent {

        /**
         * Makes the intent durable (the case, and the end of a temporary sanction) before the sanction is sent.
         *
         * @return the reason the role or affiliation change carries
         */
        String before(Sanction sanction, Duration duration);
    }

    /**
     * What happened.
     *
     * @param applied  the sanction that took effect, empty when none did
     * @param duration how long the applied sanction lasts (a fallback rung brings its own)
     * @param done     what was done, for people ("remove+mute 10m")
     * @param fallback   what replaced what and why; empty when nothing did
     * @param unanswered the last attempt got no answer (timeout, connection lost): it may have taken effect
     */
    record Outcome(Optional<Sanction> applied, Duration duration, String done, String fallback, boolean unanswered) {
    }

    static CompletionStage<Outcome> apply(RoomHandle room, Offender offender, Plan plan) {
        boolean removalIsTheSanction = plan.sanction() == Sanction.REMOVE;
        CompletionStage<List<String>> removal = removalIsTheSanction || plan.stanzaIds().isEmpty()
                ? CompletableFuture.completedFuture(List.of()) : remove(room, plan);
        CompletionStage<Step> main = step(room, offender, plan, plan.sanction(), plan.duration(), new ArrayList<>(),
                EnumSet.noneOf(Sanction.class));
        return removal.thenCombine(main, (removalProblems, step) -> {
            List<String> notes = new ArrayList<>(step.notes);
            boolean removed = !plan.stanzaIds().isEmpty() && removalProblems.isEmpty() && !removalIsTheSanction;
            if (!removalProblems.isEmpty()) {
                notes.add(plan.notes().format("note.not-removed", String.join("; ", removalProblems)));
            }
            String done = step.applied.map(sanction -> (removed ? "remove+" : "") + describe(sanction, step.duration))
                    .orElse(removed ? "remove" : "nothing");
            return new Outcome(step.applied, step.duration, done, String.join("; ", notes), step.unanswered);
        });
    }

    static String describe(Sanction sanction, Duration duration) {
        String name = sanction.name().toLowerCase(java.util.Locale.ROOT);
        boolean timed = (sanction == Sanction.MUTE || sanction == Sanction.BAN) && !duration.isZero();
        // Compact, as stored in cases and listed by !cases ("mute 10m"); answers use inWords.
        return timed ? name + " " + duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT) : name;
    }

    /** The sanction for people: "mute for 10 minutes", "ban", in the notes of a fallback. */
    static String inWords(Wording wording, Sanction sanction, Duration duration) {
        String key = "note.sanction." + sanction.name().toLowerCase(java.util.Locale.ROOT);
        boolean timed = (sanction == Sanction.MUTE || sanction == Sanction.BAN) && !duration.isZero();
        return timed ? wording.format(key + ".for", wording.duration(duration)) : wording.format(key);
    }

    private record Step(Optional<Sanction> applied, Duration duration, List<String> notes, boolean unanswered) {
    }

    private static CompletionStage<Step> step(RoomHandle room, Offender offender, Plan plan, Sanction sanction,
                                              Duration duration, List<String> notes, Set<Sanction> tried) {
        tried.add(sanction);
        CompletionStage<ActionResult> attempt = switch (sanction) {
            case WARN -> plan.privately() || plan.replyTo().isEmpty()
                    ? (plan.privately() ? room.sendPrivate(offender.nick(), plan.warning()) : room.send(plan.warning()))
                    : room.reply(plan.replyTo().get(), plan.warning());
            case REMOVE -> plan.stanzaIds().isEmpty()
                    ? CompletableFuture.completedFuture(new ActionResult.NotSupported(plan.notes().format("note.no-stanza-id")))
                    : all(plan.stanzaIds().stream().map(id -> room.moderateMessage(id, plan.reason())).toList());
            // The intent is told before the call is made: the reason it returns is an argument.
            case MUTE -> room.revokeVoice(offender.nick(), plan.intent().before(sanction, duration));
            case KICK -> room.kick(offender.nick(), plan.intent().before(sanction, duration));
            case BAN -> offender.realJid().isEmpty()
                    ? CompletableFuture.completedFuture(new ActionResult.NotSupported(plan.notes().format("note.no-real-jid")))
                    : room.ban(offender.realJid().get(), plan.intent().before(sanction, duration));
        };
        return attempt.thenCompose(result -> {
            if (result.succeeded()) {
                // How the room did it, when not the plain way (a web visitor banned on the gateway), goes on record.
                if (result instanceof ActionResult.Done done && !done.how().isEmpty()) {
                    notes.add(done.how());
                }
                CrashPoint.afterSanction(sanction);
                return CompletableFuture.completedFuture(new Step(Optional.of(sanction), duration, notes, false));
            }
            Optional<Rung> next = result instanceof ActionResult.Failed ? Optional.empty()
                    : next(plan.ladder(), sanction, tried);
            Wording words = plan.notes();
            notes.add(next.map(other -> words.format("note.instead", inWords(words, sanction, duration),
                            explain(words, result), inWords(words, other.action(), Duration.ZERO)))
                    .orElseGet(() -> words.format("note.failed", inWords(words, sanction, duration),
                            explain(words, result))));
            return next.isEmpty() ? CompletableFuture.completedFuture(new Step(Optional.empty(), duration, notes,
                    result instanceof ActionResult.Failed))
                    : step(room, offender, plan, next.get().action(), next.get().duration(), notes, tried);
        });
    }

    /**
     * The rung to try after one the room could not do: the first rung of the ladder (in points order) with a
     * harsher sanction, else the harshest gentler one but a warning; never one already tried. A warning is not
     * replaced, and never replaces: a ban the room cannot do does not end as a warning.
     */
    static Optional<Rung> next(List<Rung> ladder, Sanction failed, Set<Sanction> tried) {
        if (failed == Sanction.WARN) {
            return Optional.empty();
        }
        Optional<Rung> harsher = ladder.stream()
                .filter(rung -> rung.action().compareTo(failed) > 0 && !tried.contains(rung.action())).findFirst();
        return harsher.or(() -> ladder.stream()
                .filter(rung -> rung.action() != Sanction.WARN)
                .filter(rung -> rung.action().compareTo(failed) < 0 && !tried.contains(rung.action()))
                .max(Comparator.comparing(Rung::action)));
    }

    private static CompletionStage<List<String>> remove(RoomHandle room, Plan plan) {
        List<CompletableFuture<ActionResult>> removals = plan.stanzaIds().stream()
                .map(id -> room.moderateMessage(id, plan.reason()).toCompletableFuture()).toList();
        return CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new)).thenApply(ignored -> removals.stream()
                .map(CompletableFuture::join).filter(result -> !result.succeeded())
                .map(result -> explain(plan.notes(), result))
                .distinct().toList());
    }

    private static CompletionStage<ActionResult> all(List<CompletionStage<ActionResult>> actions) {
        List<CompletableFuture<ActionResult>> futures = actions.stream().map(CompletionStage::toCompletableFuture).toList();
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenApply(ignored -> futures.stream()
                .map(CompletableFuture::join).filter(result -> !result.succeeded()).findFirst().orElse(ActionResult.DONE));
    }

    /** What the room did, in the wording's language; the server's own words inside stay as it gave them. */
    static String explain(Wording wording, ActionResult result) {
        return switch (result) {
            case ActionResult.Done done -> wording.format("outcome.done");
            case ActionResult.Refused refused -> refused.text().isEmpty()
                    ? wording.format("outcome.refused", refused.errorCondition().toString())
                    : wording.format("outcome.refused.text", refused.errorCondition().toString(), refused.text());
            case ActionResult.NotSupported unsupported -> wording.format("outcome.not-supported", unsupported.why());
            case ActionResult.Failed failed -> wording.format("outcome.failed", failed.why());
        };
    }

    /** What the room did, in English: for the cases' codes and the log. */
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
