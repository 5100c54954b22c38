package org.majordome.plugins.moderation;

import java.util.Optional;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smackx.message_fastening.element.FasteningElement;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.jxmpp.jid.EntityBareJid;

/** What another occupant's client sees of a message moderation (XEP-0425 with XEP-0422 and XEP-0424). */
final class Retractions {

    static final String FASTEN = "urn:xmpp:fasten:0";

    private Retractions() {
    }

    /** The stanza id the room gave the message (XEP-0359 {@code by} = the room), which moderation refers to. */
    static Optional<String> roomStanzaId(Message message, EntityBareJid room) {
        for (ExtensionElement element : message.getExtensions(StanzaIdElement.ELEMENT, StanzaIdElement.NAMESPACE)) {
            if (element instanceof StanzaIdElement id && room.toString().equals(id.getBy())) {
                return Optional.of(id.getId());
            }
        }
        return Optional.empty();
    }

    /** A message from the room itself announcing that a moderator retracted the message with this stanza id. */
    static boolean isModerationOf(Message message, EntityBareJid room, String stanzaId) {
        return fromTheRoom(message, room) && message.getExtensions().stream()
                .filter(element -> FASTEN.equals(element.getNamespace()))
                .anyMatch(element -> stanzaId.equals(fastenedTo(element))
                        && element.toXML().toString().contains("moderated"));
    }

    /** Any moderation announcement from the room, whatever message it concerns. */
    static boolean isAnyModeration(Message message, EntityBareJid room) {
        return fromTheRoom(message, room) && message.getExtensions().stream()
                .anyMatch(element -> FASTEN.equals(element.getNamespace())
                        || element.getNamespace().startsWith("urn:xmpp:message-moderate:")
                        || element.getNamespace().startsWith("urn:xmpp:message-retract:"));
    }

    private static boolean fromTheRoom(Message message, EntityBareJid room) {
        return message.getFrom() != null && message.getFrom().equals(room);
    }

    private static String fastenedTo(ExtensionElement element) {
        if (element instanceof FasteningElement fastening && fastening.getReferencedStanzasOriginId() != null) {
            return fastening.getReferencedStanzasOriginId().getId();
        }
        return element instanceof StandardExtensionElement standard ? standard.getAttributeValue("id") : null;
    }
}
