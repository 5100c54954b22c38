package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.intake.Invitation;

/** Who may invite the bot, recognised only by an address the server vouches for. */
class InvitationPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    private static final Set<EntityBareJid> MAY_INVITE = Set.of(jid("boss@localhost"), jid("helper@example.org"));

    @Test
    void aBotAdminOrAListedInviterIsAcceptedInEitherForm() {
        assertThat(InvitationPolicy.decide(direct("den@conference.localhost", "boss@localhost/laptop"), MAY_INVITE)
                .accepted()).isTrue();
        assertThat(InvitationPolicy.decide(mediated("den@conference.localhost", "boss@localhost/laptop"), MAY_INVITE)
                .accepted()).isTrue();
        assertThat(InvitationPolicy.decide(direct("den@conference.localhost", "helper@example.org/phone"), MAY_INVITE)
                .accepted()).isTrue();
    }

    @Test
    void aStrangerIsDeclinedAndTold() {
        InvitationPolicy.Decision decision = InvitationPolicy.decide(
                direct("den@conference.localhost", "stranger@localhost/pc"), MAY_INVITE);

        assertThat(decision.accepted()).isFalse();
        assertThat(decision.reason()).isEqualTo(InvitationPolicy.NOT_ALLOWED);
        assertThat(decision.inviter()).contains(jid("stranger@localhost"));
    }

    /**
     * A room names its inviter in the invitation it passes on; a service on another server could name anybody, so
     * a bot admin's name there is not taken: the decline asks for a direct invitation, which its sender's server
     * authenticates.
     */
    @Test
    void anAdminNamedByARoomOfAnotherServerIsNotTrusted() {
        InvitationPolicy.Decision decision = InvitationPolicy.decide(
                mediated("trap@muc.evil.example", "boss@localhost/laptop"), MAY_INVITE);

        assertThat(decision.accepted()).isFalse();
        assertThat(decision.reason()).isEqualTo(InvitationPolicy.FOREIGN_SERVICE);
    }

    /** A user of the admin's own server sends a stanza shaped like the room's: his own address is no MUC service. */
    @Test
    void aPayloadJidInAStanzaFromAUserIsNotTrusted() {
        InvitationPolicy.Decision decision = InvitationPolicy.decide(
                mediated("mallory@localhost", "boss@localhost/laptop"), MAY_INVITE);

        assertThat(decision.accepted()).isFalse();
    }

    /** Prosody names the inviter of a room that hides real JIDs by its room/nick: that is nobody the bot knows. */
    @Test
    void anInviterTheRoomHidesIsDeclinedWithAHintToInviteDirectly() {
        InvitationPolicy.Decision decision = InvitationPolicy.decide(
                mediated("den@conference.localhost", "den@conference.localhost/Boss"), MAY_INVITE);

        assertThat(decision.accepted()).isFalse();
        assertThat(decision.reason()).isEqualTo(InvitationPolicy.INVITER_HIDDEN);
        assertThat(decision.inviter()).isEmpty();
    }

    private static Invitation direct(String room, String from) {
        return new Invitation(jid(room), JidCreate.fromOrThrowUnchecked(from), Invitation.Form.DIRECT, "",
                Optional.empty(), NOW);
    }

    private static Invitation mediated(String room, String inviter) {
        return new Invitation(jid(room), JidCreate.fromOrThrowUnchecked(inviter), Invitation.Form.MEDIATED, "",
                Optional.empty(), NOW);
    }

    private static EntityBareJid jid(String text) {
        return JidCreate.entityBareFromOrThrowUnchecked(text);
    }
}
