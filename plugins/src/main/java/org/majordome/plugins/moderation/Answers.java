package org.majordome.plugins.moderation;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.majordome.api.room.ActionResult;
import org.majordome.api.text.Wording;
import org.majordome.plugins.moderation.ModerationConfig.Sanction;
import org.majordome.plugins.moderation.Sanctions.Settled;

/**
 * What the moderators' commands answer, in the language of the answer: one sentence each that names who it is
 * about, says what happened with durations in words and gives the case number, e.g.
 * {@code user2 is muted for 1 minute (case #16): too loud}. The runtime addresses an answer to the moderator only
 * when it does not name them already. The notes of a fallback ({@code Enforcer}) are in the room's language.
 */
final class Answers {

    private Answers() {
    }

    /**
     * A sanction a moderator asked for ({@code !warn}, {@code !mute}, {@code !kick}, {@code !ban}).
     *
     * @param elsewhere the room's name when it is not the room the command was sent in ({@code !ban --all})
     */
    static String sanction(Wording wording, String who, Sanction asked, Settled settled, String reason,
                           Optional<String> elsewhere) {
        Enforcer.Outcome outcome = settled.outcome();
        String where = elsewhere.map(room -> wording.format("answer.where", room)).orElse("");
        String number = caseNumber(wording, settled.caseNumber());
        if (outcome.applied().isEmpty()) {
            return wording.format("answer.not-applied", who, wording.format("sanction.not." + key(asked)), where, number,
                    outcome.fallback());
        }
        return wording.format("answer.sanction", who, what(wording, outcome.applied().get(), outcome.duration()), where,
                number, reason.isBlank() ? "" : wording.format("answer.reason", reason),
                outcome.fallback().isEmpty() ? "" : wording.format("answer.fallback", outcome.fallback()));
    }

    /** {@code !unmute}. */
    static String unmuted(Wording wording, String who, ActionResult result, long caseNumber) {
        return result.succeeded() ? wording.format("answer.unmuted", who, caseNumber(wording, caseNumber))
                : wording.format("answer.still-muted", who, caseNumber(wording, caseNumber), Enforcer.explain(wording, result));
    }

    /** {@code !unban}, as the room it was sent in answered. */
    static String unbanned(Wording wording, String jid, ActionResult result, long caseNumber, boolean wasOnSharedList) {
        String shared = wasOnSharedList ? wording.format("answer.off-shared-list") : "";
        return result.succeeded() ? wording.format("answer.unbanned", jid, caseNumber(wording, caseNumber), shared)
                : wording.format("answer.still-banned", jid, caseNumber(wording, caseNumber), Enforcer.explain(wording, result),
                        shared);
    }

    /** {@code !pardon}. */
    static String pardoned(Wording wording, String who, long caseNumber) {
        return wording.format("answer.pardoned", who, caseNumber(wording, caseNumber));
    }

    /** What a sanction does to someone, as the answer words it: "is muted for 1 minute", "is banned". */
    static String what(Wording wording, Sanction sanction, Duration duration) {
        String key = "sanction." + key(sanction);
        if (sanction == Sanction.MUTE || sanction == Sanction.BAN) {
            return duration.isZero() ? wording.format(key + ".lasting") : wording.format(key + ".for",
                    wording.duration(duration));
        }
        return wording.format(key);
    }

    /** " (case #16)", or nothing for a sanction that made no case. Numbers as written, never grouped. */
    static String caseNumber(Wording wording, long number) {
        return number > 0 ? wording.format("answer.case", Long.toString(number)) : "";
    }

    private static String key(Sanction sanction) {
        return sanction.name().toLowerCase(Locale.ROOT);
    }
}
