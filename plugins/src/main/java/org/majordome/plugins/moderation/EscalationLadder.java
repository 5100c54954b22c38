package org.majordome.plugins.moderation;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.majordome.plugins.moderation.ModerationConfig.Policy;
import org.majordome.plugins.moderation.ModerationConfig.RuleAction;
import org.majordome.plugins.moderation.ModerationConfig.Rung;
import org.majordome.plugins.moderation.ModerationConfig.Sanction;

/**
 * What an offence calls for: the highest rung of the room's ladder the offender's points reach (for rules on
 * the ladder), or a rule's fixed action when that is harsher; a warning when nothing else applies.
 */
final class EscalationLadder {

    private EscalationLadder() {
    }

    /**
     * The decision for one offence.
     *
     * @param sanction      what to do
     * @param duration      how long, for a mute or a ban (the policy's default when the rung gives none)
     * @param removeMessage whether the offending message goes too
     */
    record Decision(Sanction sanction, Duration duration, boolean removeMessage) {
    }

    static Decision decide(Policy policy, List<Violation> violations, int total) {
        Sanction sanction = null;
        Duration duration = Duration.ZERO;
        boolean remove = violations.stream().anyMatch(Violation::removeMessage);
        if (violations.stream().anyMatch(v -> v.action() == RuleAction.LADDER)) {
            Optional<Rung> rung = policy.ladder().stream().filter(candidate -> candidate.points() <= total)
                    .reduce((lower, higher) -> higher.points() >= lower.points() ? higher : lower);
            if (rung.isPresent()) {
                sanction = rung.get().action();
                duration = rung.get().duration();
                remove |= rung.get().removeMessage();
            }
        }
        for (Violation violation : violations) {
            if (violation.action() != RuleAction.LADDER) {
                Sanction fixed = Sanction.valueOf(violation.action().name());
                if (sanction == null || fixed.compareTo(sanction) > 0) {
                    sanction = fixed;
                    duration = Duration.ZERO;
                }
            }
        }
        if (sanction == null) {
            sanction = Sanction.WARN;
        }
        return new Decision(sanction, effectiveDuration(policy, sanction, duration), remove);
    }

    /**
     * Where the {@link Enforcer} falls back from a sanction the room cannot do: the room's ladder in points
     * order, each rung's duration made explicit (the policy's default where the rung gives none).
     */
    static List<Rung> fallbacks(Policy policy) {
        return policy.ladder().stream().sorted(Comparator.comparingInt(Rung::points))
                .map(rung -> new Rung(rung.points(), rung.action(),
                        effectiveDuration(policy, rung.action(), rung.duration()), rung.removeMessage()))
                .toList();
    }

    private static Duration effectiveDuration(Policy policy, Sanction sanction, Duration duration) {
        return switch (sanction) {
            case MUTE, REMOVE -> duration.isZero() ? policy.defaultMute() : duration;
            case BAN -> duration.isZero() ? policy.defaultBan() : duration;
            default -> Duration.ZERO;
        };
    }
}
