package org.majordome.intake;

import java.util.Optional;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smackx.message_correct.element.MessageCorrectExtension;
import org.jivesoftware.smackx.muc.MUCAffiliation;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.jxmpp.jid.Jid;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.MessageStanza;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.Role;

/** Turns Smack stanzas into the plain snapshots that events carry. */
public final class Snapshots {

    /** XEP-0421: a stable, anonymous id per occupant, stamped by the room. */
    public static final String OCCUPANT_ID_ELEMENT = "occupant-id";
    public static final String OCCUPANT_ID_NAMESPACE = "urn:xmpp:occupant-id:0";

    /**
     * The resource of a web chat visitor's session. Visitors share one account, so their occupants keep the full
     * real JID (the resource tells them apart: one visitor's offences and ban are not another's) and lose the
     * XEP-0421 occupant id, which a server derives from the bare JID and would give them all.
     */
    public static final String GATEWAY_RESOURCE_PREFIX = "majordome-web-";

    private Snapshots() {
    }

    public static Occupant occupant(String nick, Presence presence) {
        MUCUser muc = MUCUser.from(presence);
        MUCItem item = muc == null ? null : muc.getItem();
        Jid real = item == null ? null : item.getJid();
        boolean gateway = real != null && real.getResourceOrEmpty().toString().startsWith(GATEWAY_RESOURCE_PREFIX);
        Optional<String> realJid = real == null ? Optional.empty()
                : Optional.of(gateway ? real.toString() : real.asBareJid().toString());
        return new Occupant(nick, realJid, gateway ? Optional.empty() : occupantId(presence),
                item == null ? Role.NONE : role(item.getRole()),
                item == null ? Affiliation.NONE : affiliation(item.getAffiliation()));
    }

    /** An occupant the bot has no presence for (a message raced ahead of a presence). */
    public static Occupant unknown(String nick) {
        return new Occupant(nick, Optional.empty(), Optional.empty(), Role.NONE, Affiliation.NONE);
    }

    public static Optional<String> occupantId(org.jivesoftware.smack.packet.Stanza stanza) {
        ExtensionElement element = stanza.getExtensionElement(OCCUPANT_ID_ELEMENT, OCCUPANT_ID_NAMESPACE);
        if (element instanceof StandardExtensionElement standard) {
            return Optional.ofNullable(standard.getAttributeValue("id"));
        }
        return Optional.empty();
    }

    /**
     * @param stampedBy whose XEP-0359 stanza-id to take: the room for groupchat messages, the bot's
     *                  own account for direct messages
     */
    public static MessageStanza message(Message message, Jid stampedBy) {
        Optional<String> stanzaId = Optional.empty();
        for (ExtensionElement element : message.getExtensions(StanzaIdElement.ELEMENT, StanzaIdElement.NAMESPACE)) {
            if (element instanceof StanzaIdElement id && id.getBy() != null
                    && stampedBy.asBareJid().toString().equals(id.getBy())) {
                stanzaId = Optional.of(id.getId());
            }
        }
        MessageCorrectExtension correction = MessageCorrectExtension.from(message);
        return new MessageStanza(message.getBody(), Optional.ofNullable(message.getStanzaId()), stanzaId,
                correction == null ? Optional.empty() : Optional.ofNullable(correction.getIdInitialMessage()));
    }

    static Role role(MUCRole role) {
        if (role == null) {
            return Role.NONE;
        }
        return switch (role) {
            case moderator -> Role.MODERATOR;
            case participant -> Role.PARTICIPANT;
            case visitor -> Role.VISITOR;
            case none -> Role.NONE;
        };
    }

    static Affiliation affiliation(MUCAffiliation affiliation) {
        if (affiliation == null) {
            return Affiliation.NONE;
        }
        return switch (affiliation) {
            case owner -> Affiliation.OWNER;
            case admin -> Affiliation.ADMIN;
            case member -> Affiliation.MEMBER;
            case outcast -> Affiliation.OUTCAST;
            case none -> Affiliation.NONE;
        };
    }
}
