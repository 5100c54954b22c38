package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.packet.IQ;
import org.junit.jupiter.api.Test;

/**
 * The XEP-0425 requests, byte for byte what servers parse: version 0 as Prosody's community module
 * mod_muc_moderation reads it (an {@code apply-to} fastening whose {@code moderate} child holds a XEP-0424
 * {@code retract} of namespace {@code :0} and a {@code reason} in the moderation namespace), version 1 as the
 * current XEP (§4) writes it. {@code MessageRemovalIT} proves version 0 against the module itself.
 */
class ModerationRequestTest {

    @Test
    void version0IsTheFasteningMucModerationReads() {
        IQ request = ModerationRequest.v0("stanza-1", "spam");

        assertThat(request.getType()).isEqualTo(IQ.Type.set);
        assertThat(request.getChildElementXML().toString()).isEqualTo(
                "<apply-to xmlns='urn:xmpp:fasten:0' id='stanza-1'>"
                        + "<moderate xmlns='urn:xmpp:message-moderate:0'>"
                        + "<retract xmlns='urn:xmpp:message-retract:0'/><reason>spam</reason>"
                        + "</moderate></apply-to>");
    }

    @Test
    void version1NamesTheMessageOnTheModerateElement() {
        IQ request = ModerationRequest.v1("stanza-1", "spam");

        assertThat(request.getChildElementXML().toString()).isEqualTo(
                "<moderate xmlns='urn:xmpp:message-moderate:1' id='stanza-1'>"
                        + "<retract xmlns='urn:xmpp:message-retract:1'/><reason>spam</reason></moderate>");
    }

    @Test
    void noReasonMeansNoReasonElement() {
        assertThat(ModerationRequest.v0("stanza-1", null).getChildElementXML().toString())
                .doesNotContain("reason");
    }
}
