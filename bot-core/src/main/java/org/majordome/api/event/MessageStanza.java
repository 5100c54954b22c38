package org.majordome.api.event;

import java.util.Objects;
import java.util.Optional;

/**
 * What a received message said, apart from who said it and where.
 *
 * @param body        the text
 * @param messageId   the sender's own id for the message, if any
 * @param stanzaId    the id the room (or, for direct chats, the bot's server) stamped on it
 *                    (XEP-0359 {@code stanza-id} with {@code by} = the room), needed to reply to
 *                    or moderate that exact message
 * @param correctsId  for a correction (XEP-0308), the id of the message it replaces
 */
public record MessageStanza(String body, Optional<String> messageId, Optional<String> stanzaId,
                            Optional<String> correctsId) {

    public MessageStanza {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(stanzaId, "stanzaId");
        Objects.requireNonNull(correctsId, "correctsId");
    }

    public static MessageStanza ofBody(String body) {
        return new MessageStanza(body, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
