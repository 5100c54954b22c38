package org.majordome.webchat;

import org.jivesoftware.smack.packet.StanzaError;
import org.majordome.webchat.Frames.ErrorCode;

/**
 * A room's refusals (XEP-0045 §7.2.3-§7.2.10) and message errors in a visitor's words; the room's own text, when it
 * gives one, follows (as data: the page shows it as text).
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

    static String refusal(StanzaError error) {
        String words = switch (codeOfRefusal(error)) {
            case NICK_TAKEN -> "That nick is already taken in this room. Please choose another.";
            case NICK_REFUSED -> "The room does not accept that nick. Please choose another.";
            case BANNED -> "You are banned from this room.";
            case FULL -> "The room is full. Please try again later.";
            case NOT_ALLOWED -> error != null && error.getCondition() == StanzaError.Condition.registration_required
                    ? "This room is for members only." : "You may not enter this room.";
            default -> "The room cannot be reached right now. Please try again later.";
        };
        return withServerText(words, error);
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

    static String messageError(StanzaError error) {
        String words = switch (codeOfMessageError(error)) {
            case UNAVAILABLE -> "Your message could not be delivered: nobody by that name is here.";
            case RATE -> "The room did not take your message: please slow down.";
            default -> "The room did not take your message (you may have no voice here right now).";
        };
        return withServerText(words, error);
    }

    private static String withServerText(String words, StanzaError error) {
        String text = error == null ? null : error.getDescriptiveText();
        if (text == null || text.isBlank()) {
            return words;
        }
        return words + " (" + (text.length() > 300 ? text.substring(0, 300) + "…" : text) + ")";
    }
}
