package org.majordome.plugins.moderation;

import java.util.Objects;
import java.util.function.Function;

import org.majordome.api.text.Wording;
import org.majordome.plugins.moderation.ModerationConfig.RuleAction;

/**
 * One rule broken by one message, join or nickname.
 *
 * @param rule          the rule's name as in the configuration ({@code flood}, {@code words}...)
 * @param detail        what exactly, for the case ("7 messages in PT4S", "word 'spam'")
 * @param points        what it adds to the offender's record
 * @param action        the rule's action: the ladder or a fixed sanction
 * @param removeMessage whether the rule removes the offending message whatever the ladder says
 * @param dryRun        whether the rule only logs what it would have done
 * @param said          the detail as people read it, in a wording's language (warnings, reasons the room shows);
 *                      {@code detail} itself stays English in cases and logs
 */
record Violation(String rule, String detail, int points, RuleAction action, boolean removeMessage, boolean dryRun,
                 Function<Wording, String> said) {
    Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(said, "said");
    }

    /** A violation people read as its (English) detail. */
    Violation(String rule, String detail, int points, RuleAction action, boolean removeMessage, boolean dryRun) {
        this(rule, detail, points, action, removeMessage, dryRun, wording -> detail);
    }

    /** The same, read by people as the bundle's {@code rule.<key>} with these arguments. */
    Violation saying(String key, Object... args) {
        return new Violation(rule, detail, points, action, removeMessage, dryRun,
                wording -> wording.format("rule." + key, args));
    }
}
