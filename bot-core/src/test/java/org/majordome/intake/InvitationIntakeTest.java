package org.majordome.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.Test;
import org.majordome.testkit.TestClock;

/**
 * Both forms of invitation as the servers deliver them (XEP-0045 §7.8.2 mediated, with the XEP-0249 direct form
 * Prosody and ejabberd attach; XEP-0249 direct), each handed on once, the inviter always the one the server vouches
 * for.
 */
class InvitationIntakeTest {

    static {
        SmackConfiguration.getVersion(); // loads Smack's extension providers (muc#user, jabber:x:conference)
    }

    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

    /** A mediated invitation as Prosody 0.12 passes it on: the direct form and a courtesy body beside it. */
    static final String MEDIATED = """
            <message xmlns='jabber:client' from='den@conference.localhost' to='bot@localhost/majordome'>
              <x xmlns='http://jabber.org/protocol/muc#user'>
                <invite from='boss@localhost/laptop'><reason>come and help</reason></invite>
                <password>open sesame</password>
              </x>
              <x xmlns='jabber:x:conference' jid='den@conference.localhost'>come and help</x>
              <body>boss@localhost/laptop invited you to the room den@conference.localhost (come and help)</body>
            </message>""";

    static final String DIRECT = """
            <message xmlns='jabber:client' from='boss@localhost/laptop' to='bot@localhost/majordome'>
              <x xmlns='jabber:x:conference' jid='den@conference.localhost' reason='come and help'/>
            </message>""";

    @Test
    void aMediatedInvitationComesFromTheRoomAndNamesTheInviterTheRoomVouchesFor() throws Exception {
        Invitation invitation = InvitationIntake.parse(parse(MEDIATED), NOW).orElseThrow();

        assertThat(invitation.form()).isEqualTo(Invitation.Form.MEDIATED);
        assertThat(invitation.room().toString()).isEqualTo("den@conference.localhost");
        assertThat(invitation.inviter().toString()).isEqualTo("boss@localhost/laptop");
        assertThat(invitation.reason()).isEqualTo("come and help");
        assertThat(invitation.password()).contains("open sesame");
        assertThat(InvitationIntake.carriesInvitation(parse(MEDIATED))).isTrue();
    }

    @Test
    void aDirectInvitationsInviterIsItsSenderAndItsJidOnlyTheRoom() throws Exception {
        Invitation invitation = InvitationIntake.parse(parse(DIRECT), NOW).orElseThrow();

        assertThat(invitation.form()).isEqualTo(Invitation.Form.DIRECT);
        assertThat(invitation.room().toString()).isEqualTo("den@conference.localhost");
        assertThat(invitation.inviter().toString()).isEqualTo("boss@localhost/laptop");
        assertThat(invitation.password()).isEmpty();
    }

    /**
     * A stranger writes a bot admin's JID inside a mediated-looking invitation he sends himself: the "room" is then
     * his own address, and the inviter named inside is not taken from a room at all. The intake hands it on only as
     * what it is (the room policy then finds nothing to trust); a direct invitation's payload never names an inviter.
     */
    @Test
    void aJidWrittenInThePayloadIsNeverTakenForTheSender() throws Exception {
        Message forgedDirect = parse("""
                <message xmlns='jabber:client' from='mallory@localhost/pc' to='bot@localhost/majordome'>
                  <x xmlns='jabber:x:conference' jid='den@conference.localhost'/>
                  <x xmlns='http://example.org/not-muc' from='boss@localhost'/>
                </message>""");
        Message forgedMediatedFromAFullJid = parse("""
                <message xmlns='jabber:client' from='mallory@localhost/pc' to='bot@localhost/majordome'>
                  <x xmlns='http://jabber.org/protocol/muc#user'><invite from='boss@localhost/laptop'/></x>
                </message>""");

        assertThat(InvitationIntake.parse(forgedDirect, NOW).orElseThrow().inviter().toString())
                .isEqualTo("mallory@localhost/pc");
        assertThat(InvitationIntake.parse(forgedMediatedFromAFullJid, NOW))
                .as("a room speaks from its bare address; a full JID is a person pretending to be one").isEmpty();
    }

    @Test
    void aStoredOrErrorOrGroupchatMessageIsNoInvitation() throws Exception {
        Message delayed = parse(DIRECT.replace("</message>",
                "<delay xmlns='urn:xmpp:delay' stamp='2026-12-06T10:00:00Z'/></message>"));
        Message error = parse(DIRECT.replace("<message ", "<message type='error' "));

        assertThat(InvitationIntake.parse(delayed, NOW)).isEmpty();
        assertThat(InvitationIntake.carriesInvitation(error)).isFalse();
        assertThat(InvitationIntake.carriesInvitation(parse("""
                <message xmlns='jabber:client' from='boss@localhost/laptop' type='chat'><body>hi</body></message>""")))
                .isFalse();
    }

    /**
     * One invitation, handed on once: the server's mediated stanza carries both forms; the same inviter's direct
     * invitation for the same room shortly after (a client sending both) is a repeat; after the window, or from
     * someone else, it is a new one.
     */
    @Test
    void eachInvitationIsHandedOnOnce() throws Exception {
        TestClock clock = new TestClock().set(NOW);
        List<Invitation> handed = new ArrayList<>();
        InvitationIntake intake = new InvitationIntake(handed::add, clock);

        intake.accept(parse(MEDIATED));
        intake.accept(parse(DIRECT));
        intake.accept(parse(MEDIATED));
        assertThat(handed).extracting(Invitation::form).containsExactly(Invitation.Form.MEDIATED);

        intake.accept(parse(DIRECT.replace("boss@localhost/laptop", "helper@localhost/phone")));
        assertThat(handed).hasSize(2);

        clock.advance(InvitationIntake.REPEAT_WINDOW);
        intake.accept(parse(DIRECT));
        assertThat(handed).hasSize(3).last().extracting(Invitation::form).isEqualTo(Invitation.Form.DIRECT);
    }

    private static Message parse(String xml) throws Exception {
        return PacketParserUtils.parseStanza(xml);
    }

    static Optional<Invitation> invitation(String xml) throws Exception {
        return InvitationIntake.parse(parse(xml), NOW);
    }
}
