package org.majordome.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.muc.MUCAffiliation;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.api.event.Occupant;

/** Occupant snapshots: web chat visitors, who share one account, are told apart by their session's full JID. */
class SnapshotsTest {

    private static Presence presence(String realJid) throws Exception {
        MUCUser muc = new MUCUser();
        muc.setItem(new MUCItem(MUCAffiliation.none, MUCRole.participant, null, null, JidCreate.from(realJid),
                null, null));
        return StanzaBuilder.buildPresence().from(JidCreate.from("lobby@conference.localhost/Ann"))
                .ofType(Presence.Type.available).addExtension(muc)
                .addExtension(StandardExtensionElement.builder(Snapshots.OCCUPANT_ID_ELEMENT,
                        Snapshots.OCCUPANT_ID_NAMESPACE).addAttribute("id", "same-for-the-whole-account").build())
                .build();
    }

    @Test
    void webVisitorsSharingAnAccountAreNotOneOffender() throws Exception {
        Occupant visitor = Snapshots.occupant("Ann", presence("visitors@localhost/majordome-web-abc"));
        // Full JID (the ban names this session), and no occupant id: the server derives it from the shared account.
        assertThat(visitor.realJid()).contains("visitors@localhost/majordome-web-abc");
        assertThat(visitor.occupantId()).isEmpty();
    }

    @Test
    void everyoneElseKeepsTheirBareJidAndOccupantId() throws Exception {
        Occupant member = Snapshots.occupant("Ann", presence("ann@localhost/laptop"));
        assertThat(member.realJid()).contains("ann@localhost");
        assertThat(member.occupantId()).contains("same-for-the-whole-account");
    }
}
