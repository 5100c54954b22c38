package org.majordome.room;

import java.time.Duration;

import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.Stanza;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.room.ActionResult;

/** A subject change (XEP-0045 §8.1) and the room's answer to it: the change itself, or an error. */
final class SubjectRequest {

    private SubjectRequest() {
    }

    static ActionResult send(XMPPConnection connection, EntityBareJid roomJid, Resourcepart ourNick,
                             MessageBuilder groupchat, String text) throws Exception {
        Message message = groupchat.setSubject(text).build();
        StanzaFilter answer = stanza -> stanza instanceof Message reply
                && roomJid.equals(reply.getFrom().asEntityBareJidIfPossible())
                && (reply.getType() == Message.Type.error && message.getStanzaId().equals(reply.getStanzaId())
                    || text.equals(reply.getSubject()) && ourNick.equals(reply.getFrom().getResourceOrNull()));
        try (StanzaCollector collector = connection.createStanzaCollectorAndSend(answer, message)) {
            Stanza reply = collector.nextResult(connection.getReplyTimeout());
            if (reply == null) {
                return new ActionResult.Failed("the room did not confirm the subject change within "
                        + Duration.ofMillis(connection.getReplyTimeout()).toSeconds() + " s");
            }
            if (reply.getError() != null) {
                return AdminRequests.refused(reply.getError());
            }
            return ActionResult.DONE;
        }
    }
}
