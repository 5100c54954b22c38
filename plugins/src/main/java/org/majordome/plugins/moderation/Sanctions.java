package org.majordome.plugins.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.majordome.api.PluginContext;
import org.majordome.api.room.MessageRef;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.text.Wording;
import org.majordome.plugins.moderation.Enforcer.Outcome;
import org.majordome.plugins.moderation.Enforcer.Plan;
import org.majordome.plugins.moderation.EscalationLadder.Decision;
import org.majordome.plugins.moderation.ModerationConfig.Policy;
import org.majordome.plugins.moderation.ModerationConfig.Sanction;

/**
 * Turns offences into sanctions and cases: counts the points, asks the {@link EscalationLadder}, has the
 * {@link Enforcer} carry the sanction out, and records the case: before a mute, kick or ban leaves (with the
 * end of a temporary one, {@link CaseInProgress}), else once the room answered. Moderators' sanctions go the
 * same way.
 */
final class Sanctions {

    static final String BOT = "bot";

    private final Services services;
    private final PluginContext<ModerationConfig> context;
    private final CaseBook book;
    private volatile Concluded concludedListener = (room, offender, outcome, number) -> { };

    /** Told of each carried-out sanction once its case is recorded (appeals tell the offender how to appeal). */
    @FunctionalInterface
    interface Concluded {
        void concluded(RoomHandle room, Offender offender, Outcome outcome, long caseNumber);
    }

    /** What a sanction's case needs. */
    record Services(PluginContext<ModerationConfig> context, CaseBook book, SanctionExpiry expiry,
                    Reconciler reconciler, BanPublisher publisher) {
    }

    Sanctions(Services services) {
        this.services = services;
        this.context = services.context();
        this.book = services.book();
    }

    void onConcluded(Concluded listener) {
        this.concludedListener = listener;
    }

    /**
     * Counts the offence on the offender's record and applies what the ladder (or the rules' fixed actions)
     * says. Rules in dry run count on a separate record and only log a "would have" case.
     */
    void offence(RoomHandle room, Policy policy, Offender offender, List<Violation> violations,
                 List<String> stanzaIds, Optional<MessageRef> message, String evidence) {
        List<Violation> acting = violations.stream().filter(v -> !v.dryRun() && !policy.dryRun()).toList();
        List<Violation> dry = violations.stream().filter(v -> v.dryRun() || policy.dryRun()).toList();
        if (!acting.isEmpty()) {
            sanction(room, policy, offender, acting, stanzaIds, message, evidence, false);
        }
        if (!dry.isEmpty()) {
            sanction(room, policy, offender, dry, stanzaIds, message, evidence, true);
        }
    }

    private void sanction(RoomHandle room, Policy policy, Offender offender, List<Violation> violations,
                          List<String> stanzaIds, Optional<MessageRef> message, String evidence, boolean dryRun) {
        Instant now = context.clock().instant();
        int points = violations.stream().mapToInt(Violation::points).sum();
        int total = book.pointsAfter(room.roomJid(), offender.key(), dryRun, points, now, policy.pointsDecayEvery());
        Decision decision = EscalationLadder.decide(policy, violations, total);
        Sanction sanction = decision.sanction();
        Duration duration = decision.duration();
        String rules = String.join("+", violations.stream().map(Violation::rule).distinct().toList());
        String reason = rules + ": " + String.join("; ", violations.stream().map(Violation::detail).toList());
        // What people read (the warning, the reason the room shows with a removal, mute, kick or ban): the same, in
        // their language; the case and the log keep the English detail.
        Wording warned = policy.warnPrivately() ? context.texts().privatelyTo(room, offender.nick()) : context.texts().in(room);
        String said = said(rules, violations, warned);
        String saidInRoom = said(rules, violations, context.texts().in(room));
        List<String> toRemove = decision.removeMessage() || sanction == Sanction.REMOVE ? stanzaIds : List.of();
        Optional<CaseBook.Points> unstored = Optional.of(new CaseBook.Points(offender, dryRun, points, now,
                policy.pointsDecayEvery()));
        if (!dryRun) {
            // A warning or a removal leaves first, storing the points and the case overlapping with its round trip;
            // a mute, kick or ban waits for its case (CaseInProgress).
            CaseInProgress progress = new CaseInProgress(services, room, offender, rules, evidence, BOT, saidInRoom,
                    Enforcer.describe(sanction, duration));
            Plan plan = new Plan(sanction, duration, toRemove, saidInRoom,
                    warned.format("warning.automatic", offender.nick(), said),
                    message, policy.warnPrivately(),
                    EscalationLadder.fallbacks(policy), progress, context.texts().in(room));
            // A mute, kick or ban stores the points in its case's commit, before it leaves.
            progress.carryPoints(unstored.get());
            Enforcer.apply(room, offender, plan).thenAccept(outcome -> concluded(room, offender, rules, evidence, BOT,
                    outcome, progress));
            unstored = progress.takePoints();
        }
        unstored.ifPresent(offence -> book.addPoints(room.roomJid(), offence));
        context.logger(room.roomJid()).info("{} broke {} ({} points){}", offender.describe(), reason, total,
                dryRun ? " [dry run]" : "");
        if (dryRun) {
            String action = "would have: " + (toRemove.isEmpty() ? "" : "remove+") + Enforcer.describe(sanction, duration);
            recordCase(room, offender, rules, evidence, action, BOT, "", true);
        }
    }

    private static String said(String rules, List<Violation> violations, Wording wording) {
        return rules + ": " + String.join("; ", violations.stream().map(v -> v.said().apply(wording)).toList());
    }

    /** A carried-out sanction and the number of its case (0 when it could not be recorded). */
    record Settled(Outcome outcome, long caseNumber) {
    }

    /** A moderator's sanction (or the shared ban list's): carried out like an automatic one, fallbacks included. */
    CompletionStage<Settled> manual(RoomHandle room, Policy policy, Offender offender, Sanction sanction,
                                    Duration duration, String reason, String actor, String rule) {
        String warning = reason.isBlank() ? context.texts().in(room).format("warning.manual", offender.nick())
                : context.texts().in(room).format("warning.manual.reason", offender.nick(), reason);
        CaseInProgress progress = new CaseInProgress(services, room, offender, rule, reason, actor, reason,
                Enforcer.describe(sanction, duration));
        Plan plan = new Plan(sanction, duration, List.of(), reason, warning, Optional.empty(), false,
                EscalationLadder.fallbacks(policy), progress, context.texts().in(room));
        return Enforcer.apply(room, offender, plan).thenApply(outcome -> new Settled(outcome,
                concluded(room, offender, rule, reason, actor, outcome, progress)));
    }

    /** Records the case of a carried-out plan, unless its {@link CaseInProgress} did; returns its number (0: none). */
    private long concluded(RoomHandle room, Offender offender, String rule, String evidence, String actor,
                           Outcome outcome, CaseInProgress progress) {
        try {
            if (outcome.applied().filter(Sanction.BAN::equals).isPresent()) {
                services.publisher().banned(offender.realJid(), outcome.duration().isZero(), rule);
            }
            long number = progress.conclude(outcome);
            if (number == 0) {
                number = recordCase(room, offender, rule, evidence, outcome.done(), actor, outcome.fallback(), false)
                        .number();
            }
            if (!outcome.fallback().isEmpty()) {
                context.logger(room.roomJid()).warn("Case #{}: {}", number, outcome.fallback());
            }
            tellListener(room, offender, outcome, number);
            return number;
        } catch (RuntimeException e) {
            context.logger(room.roomJid()).error("Could not record the case of {}", offender.describe(), e);
            return 0;
        }
    }

    /** The listener's failure is its own: the case is recorded, and its number goes back to the moderator. */
    private void tellListener(RoomHandle room, Offender offender, Outcome outcome, long number) {
        try {
            concludedListener.concluded(room, offender, outcome, number);
        } catch (RuntimeException e) {
            context.logger(room.roomJid()).error("Case #{}: what follows the sanction failed", number, e);
        }
    }

    /** Where the bot's bans are published, if anywhere. */
    BanPublisher publisher() {
        return services.publisher();
    }

    /** Records a case that needs nothing more: a warning, a removal, a dry run, a moderator's unmute or pardon. */
    ModerationCase recordCase(RoomHandle room, Offender offender, String rule, String evidence, String action,
                              String actor, String fallback, boolean dryRun) {
        Instant now = context.clock().instant();
        ModerationCase entry = book.record(room.roomJid(), number -> new ModerationCase(number, room.roomJid(),
                offender.key(), offender.nick(), offender.realJid(), offender.occupantId(), rule, evidence, action,
                actor, now, Optional.empty(), fallback, dryRun));
        context.logger(room.roomJid()).info("Case #{}: {} — {} → {}", entry.number(), offender.describe(), rule, action);
        return entry;
    }
}
