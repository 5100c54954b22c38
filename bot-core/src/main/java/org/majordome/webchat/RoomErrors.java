package org.majordome.webchat;

import org.jivesoftware.smack.packet.StanzaError;
import org.majordome.api.text.Wording;
import org.majordome.webchat.Frames.ErrorCode;

/**
 * A room's refusals (XEP-0045 §7.2.3-§7.2.10) and message errors in a visitor's words and language; the room's own
 * text, when it gives one, follows (as data: the page shows it as text).
 */
final class RoomErrors {

    private RoomErrors() {
    }

    static ErrorCode codeOfRefusal(StanzaError error) {
        if (error == null) {
            return ErrorCode.UNAVAILABLE;
        }
        return switch (error.getCondition()) {
            case conflict -> ErrorCode.NICK_TAKEN;
            case not_acceptable, jid_malformed, policy_violation -> ErrorCode.NICK_REFUSED;
            case forbidden -> ErrorCode.BANNED;
            case service_unavailable -> ErrorCode.FULL;
            case registration_required, not_authorized, not_allowed -> ErrorCode.NOT_ALLOWED;
            default -> ErrorCode.UNAVAILABLE;
        };
    }

    static String refusal(Wording visitor, StanzaError error) {
        String key = switch (codeOfRefusal(error)) {
            case NICK_TAKEN -> "webchat.refused.nick-taken";
            case NICK_REFUSED -> "webchat.refused.nick-refused";
            case BANNED -> "webchat.refused.banned";
            case FULL -> "webchat.refused.full";
            case NOT_ALLOWED -> error != null && error.getCondition() == StanzaError.Condition.registration_required
                    ? "webchat.refused.members-only" : "webchat.refused.not-allowed";
            default -> "webchat.refused.unavailable";
        };
        return withServerText(visitor, visitor.format(key), error);
    }

    static ErrorCode codeOfMessageError(StanzaError error) {
        if (error == null) {
            return ErrorCode.UNAVAILABLE;
        }
        return switch (error.getCondition()) {
            case item_not_found, recipient_unavailable, service_unavailable -> ErrorCode.UNAVAILABLE;
            case policy_violation, resource_constraint -> ErrorCode.RATE;
            default -> ErrorCode.NOT_ALLOWED;
        };
    }

    static String messageError(Wording visitor, StanzaError error) {
        String key = switch (codeOfMessageError(error)) {
            case UNAVAILABLE -> "webchat.message.undelivered";
            case RATE -> "webchat.message.slow-down";
            default -> "webchat.message.refused";
        };
        return withServerText(visitor, visitor.format(key), error);
    }

    private static String withServerText(Wording visitor, String words, StanzaError error) {
        String text = error == null ? null : error.getDescriptiveText();
        if (text == null || text.isBlank()) {
            return words;
        }
        return visitor.format("webchat.with-server-text", words, text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
}
