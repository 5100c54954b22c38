package org.majordome.plugins.moderation;

import java.util.Objects;

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
 */
record Violation(String rule, String detail, int points, RuleAction action, boolean removeMessage, boolean dryRun) {
    Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(action, "action");
    }
}
