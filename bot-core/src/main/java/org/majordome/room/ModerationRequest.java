package org.majordome.room;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * XEP-0425 message moderation request (remove a message for everyone), which Smack 4.4 lacks. Two
 * versions are deployed: {@code :1} (current) addresses the message directly, {@code :0} wraps the
 * request in a XEP-0422 fastening {@code apply-to}; the room's disco#info tells which one it speaks.
 */
final class ModerationRequest extends IQ {

    private final String stanzaId;
    private final String reason;
    private final boolean fastened;

    private ModerationRequest(String element, String namespace, String stanzaId, String reason, boolean fastened) {
        super(element, namespace);
        this.stanzaId = stanzaId;
        this.reason = reason;
        this.fastened = fastened;
        setType(Type.set);
    }

    static ModerationRequest v1(String stanzaId, String reason) {
        return new ModerationRequest("moderate", RoomActions.MODERATION_V1, stanzaId, reason, false);
    }

    static ModerationRequest v0(String stanzaId, String reason) {
        return new ModerationRequest("apply-to", "urn:xmpp:fasten:0", stanzaId, reason, true);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("id", stanzaId);
        xml.rightAngleBracket();
        XmlStringBuilder inner = new XmlStringBuilder();
        if (fastened) {
            inner.halfOpenElement("moderate").xmlnsAttribute(RoomActions.MODERATION_V0).rightAngleBracket();
            inner.halfOpenElement("retract").xmlnsAttribute("urn:xmpp:message-retract:0").closeEmptyElement();
            inner.optElement("reason", reason);
            inner.closeElement("moderate");
        } else {
            inner.halfOpenElement("retract").xmlnsAttribute("urn:xmpp:message-retract:1").closeEmptyElement();
            inner.optElement("reason", reason);
        }
        xml.append(inner);
        return xml;
    }
}
