package org.majordome.api.room;

import java.util.Objects;
import java.util.Optional;

import org.majordome.api.event.RoomMessageReceivedEvent;

/**
 * A room message one can reply to (XEP-0461) or moderate (XEP-0425).
 *
 * @param authorNick the nick of whoever wrote it, as it was when they did
 * @param stanzaId   the room's stanza id for it (XEP-0359); without it a reply is sent unthreaded
 * @param body       its text, for the quoted fallback of a reply
 */
public record MessageRef(String authorNick, Optional<String> stanzaId, String body) {

    public MessageRef {
        Objects.requireNonNull(authorNick, "authorNick");
        Objects.requireNonNull(stanzaId, "stanzaId");
        Objects.requireNonNull(body, "body");
    }

    /** The reference to a received room message. */
    public static MessageRef of(RoomMessageReceivedEvent event) {
        return new MessageRef(event.sender().nick(), event.message().stanzaId(), event.message().body());
    }
}
