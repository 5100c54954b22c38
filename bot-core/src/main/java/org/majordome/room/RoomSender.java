package org.majordome.room;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.room.Addressing;
import org.majordome.api.room.MessageRef;
import org.majordome.xmpp.XmppSession;

/**
 * The bot's own words in a room: its messages to everyone (XEP-0045 §7.4), its replies (XEP-0461) and its
 * goodbye (§7.14).
 */
final class RoomSender {

    private final EntityBareJid roomJid;
    private final XmppSession session;

    RoomSender(EntityBareJid roomJid, XmppSession session) {
        this.roomJid = roomJid;
        this.session = session;
    }

    /** Sends a message to the whole room; returns its id. */
    String send(String body) throws SmackException.NotConnectedException, InterruptedException {
        MessageBuilder builder = session.connection().getStanzaFactory().buildMessageStanza()
                .ofType(Message.Type.groupchat).to(roomJid).setBody(body);
        // XEP-0359: an id the room keeps, so that the message can be referred to (replies, moderation).
        OriginIdElement.addTo(builder);
        Message message = builder.build();
        session.connection().sendStanza(message);
        return message.getStanzaId();
    }

    /**
     * Answers a room message: addressed to its author only when the text does not name them already
     * ({@link Addressing}), threaded to it (XEP-0461) when the room gave it a stanza id, with the address marked
     * as fallback (XEP-0428) for clients that show replies.
     */
    void reply(MessageRef message, String text) throws SmackException.NotConnectedException, InterruptedException {
        String body = Addressing.addressed(message.authorNick(), text);
        String prefix = body.substring(0, body.length() - text.length());
        MessageBuilder builder = session.connection().getStanzaFactory().buildMessageStanza()
                .ofType(Message.Type.groupchat).to(roomJid).setBody(body);
        OriginIdElement.addTo(builder);
        message.stanzaId().ifPresent(id -> {
            builder.addExtension(StandardExtensionElement.builder("reply", "urn:xmpp:reply:0")
                    .addAttribute("to", roomJid + "/" + message.authorNick())
                    .addAttribute("id", id).build());
            if (!prefix.isEmpty()) {
                builder.addExtension(StandardExtensionElement.builder("fallback", "urn:xmpp:fallback:0")
                        .addAttribute("for", "urn:xmpp:reply:0")
                        .addElement(StandardExtensionElement.builder("body", "urn:xmpp:fallback:0")
                                .addAttribute("start", "0")
                                .addAttribute("end", Integer.toString(prefix.codePointCount(0, prefix.length())))
                                .build())
                        .build());
            }
        });
        session.connection().sendStanza(builder.build());
    }

    /** Leaves the room under that nick with a status text. */
    void goodbye(Resourcepart nick, String statusText)
            throws SmackException.NotConnectedException, InterruptedException {
        session.connection().sendStanza(session.connection().getStanzaFactory().buildPresenceStanza()
                .ofType(Presence.Type.unavailable).to(JidCreate.entityFullFrom(roomJid, nick)).setStatus(statusText)
                .build());
    }
}
