package org.majordome.plugins.moderation;

import java.time.Duration;
import java.util.Optional;

import org.majordome.api.DurationText;
import org.majordome.api.room.ActionResult;
import org.majordome.plugins.moderation.ModerationConfig.Sanction;
import org.majordome.plugins.moderation.Sanctions.Settled;

/**
 * What the moderators' commands answer: one sentence each that names who it is about, says what happened with
 * durations in words and gives the case number, e.g. {@code user2 is muted for 1 minute (case #16): too loud}.
 * The runtime addresses an answer to the moderator only when it does not name them already.
 */
final class Answers {

    private Answers() {
    }

    /**
     * A sanction a moderator asked for ({@code !warn}, {@code !mute}, {@code !kick}, {@code !ban}).
     *
     * @param elsewhere the room's name when it is not the room the command was sent in ({@code !ban --all})
     */
    static String sanction(String who, Sanction asked, Settled settled, String reason, Optional<String> elsewhere) {
        Enforcer.Outcome outcome = settled.outcome();
        String where = elsewhere.map(room -> " in " + room).orElse("");
        String number = caseNumber(settled.caseNumber());
        if (outcome.applied().isEmpty()) {
            return who + " is not " + participle(asked) + where + number + ": " + outcome.fallback();
        }
        return who + " " + what(outcome.applied().get(), outcome.duration()) + where + number
                + (reason.isBlank() ? "" : ": " + reason)
                + (outcome.fallback().isEmpty() ? "" : " — " + outcome.fallback());
    }

    /** {@code !unmute}. */
    static String unmuted(String who, ActionResult result, long caseNumber) {
        return result.succeeded() ? who + " may speak again" + caseNumber(caseNumber)
                : who + " is still muted" + caseNumber(caseNumber) + ": unmute " + Enforcer.explain(result);
    }

    /** {@code !unban}, as the room it was sent in answered. */
    static String unbanned(String jid, ActionResult result, long caseNumber, boolean wasOnSharedList) {
        String shared = wasOnSharedList ? " and is off the shared ban list" : "";
        return result.succeeded() ? jid + " is no longer banned" + caseNumber(caseNumber) + shared
                : jid + " is still banned here" + caseNumber(caseNumber) + ": unban " + Enforcer.explain(result) + shared;
    }

    /** {@code !pardon}. */
    static String pardoned(String who, long caseNumber) {
        return who + "'s record is clean again" + caseNumber(caseNumber);
    }

    /** What a sanction does to someone, as a verb phrase: "is muted for 1 minute", "is banned". */
    static String what(Sanction sanction, Duration duration) {
        return switch (sanction) {
            case WARN -> "is warned";
            case REMOVE -> "has their message removed";
            case MUTE -> duration.isZero() ? "is muted until they leave the room" : "is muted for " + DurationText.words(duration);
            case KICK -> "is kicked";
            case BAN -> duration.isZero() ? "is banned" : "is banned for " + DurationText.words(duration);
        };
    }

    private static String participle(Sanction sanction) {
        return switch (sanction) {
            case WARN -> "warned";
            case REMOVE -> "spared a message";
            case MUTE -> "muted";
            case KICK -> "kicked";
            case BAN -> "banned";
        };
    }

    private static String caseNumber(long number) {
        return number > 0 ? " (case #" + number + ")" : "";
    }
}
