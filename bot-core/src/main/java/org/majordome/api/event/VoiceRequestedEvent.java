package org.majordome.api.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A visitor of a moderated room asked for voice (XEP-0045 §7.13), and the room forwarded the request to its
 * moderators, the bot among them (§8.6; the bot receives it only where it is moderator, as in the rooms it owns).
 * The event says what the bot decided by the room's {@code voice-requests} policy, so that a moderation plugin
 * or a script can act on what the bot left to people, or tell the moderators.
 *
 * @param roomJid    the room
 * @param occupant   the requester as last seen by the bot (role visitor, normally); an occupant with role
 *                   {@link Role#NONE} when the bot has no presence for that nick
 * @param request    what the form says
 * @param decision   what the bot did
 * @param why        the decision's reason in words, as the log says it (e.g. {@code member},
 *                   {@code in the room for 2 minutes, less than 10 minutes})
 * @param receivedAt when the bot received the request
 */
public record VoiceRequestedEvent(String roomJid, Occupant occupant, VoiceRequest request, VoiceDecision decision,
                                  String why, Instant receivedAt) implements RoomEvent {

    public VoiceRequestedEvent {
        Objects.requireNonNull(roomJid, "roomJid");
        Objects.requireNonNull(occupant, "occupant");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The same request with another decision. */
    public VoiceRequestedEvent decided(VoiceDecision newDecision, String newWhy) {
        return new VoiceRequestedEvent(roomJid, occupant, request, newDecision, newWhy, receivedAt);
    }
}
