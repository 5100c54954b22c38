package org.majordome.room;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.xmpp.XmppSession;

/** The bot's own words in a room: its messages to everyone (XEP-0045 §7.4) and its goodbye (§7.14). */
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

    /** Leaves the room under that nick with a status text. */
    void goodbye(Resourcepart nick, String statusText)
            throws SmackException.NotConnectedException, InterruptedException {
        session.connection().sendStanza(session.connection().getStanzaFactory().buildPresenceStanza()
                .ofType(Presence.Type.unavailable).to(JidCreate.entityFullFrom(roomJid, nick)).setStatus(statusText)
                .build());
    }
}
