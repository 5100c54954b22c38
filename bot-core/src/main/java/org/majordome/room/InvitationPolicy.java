package org.majordome.room;

import java.util.Optional;
import java.util.Set;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.majordome.intake.Invitation;

/**
 * Whether to accept an invitation: only from someone allowed to invite (the bot admins and
 * {@code invitations.accept-from}), recognised by an address the server vouches for.
 *
 * <p>A direct invitation (XEP-0249) comes from its sender, authenticated by the sender's server: that is the
 * inviter. A mediated one (XEP-0045 §7.8.2) comes from the room, which names the inviter; its word is taken only
 * when the room's service lives under the inviter's own domain (a service of the inviter's server, such as
 * {@code conference.example.org} for {@code alice@example.org}): any other service could name anybody. And a room
 * that hides real JIDs names the inviter by {@code room/nick} (Prosody does so for a non-moderator invitee), which
 * says nothing about who it is. Both are declined with a reason that suggests a direct invitation.
 */
final class InvitationPolicy {

    /** The reasons, as keys of the runtime's bundle: the inviter reads them in the room's language. */
    static final String NOT_ALLOWED = "invitation.not-allowed";
    static final String INVITER_HIDDEN = "invitation.inviter-hidden";
    static final String FOREIGN_SERVICE = "invitation.foreign-service";

    /** What to do: accept (the reason is empty) or decline with the reason (a key of the runtime's bundle). */
    record Decision(boolean accepted, Optional<EntityBareJid> inviter, String reason) {
        static Decision accept(EntityBareJid inviter) {
            return new Decision(true, Optional.of(inviter), "");
        }

        static Decision decline(Optional<EntityBareJid> inviter, String reason) {
            return new Decision(false, inviter, reason);
        }
    }

    private InvitationPolicy() {
    }

    /** @param mayInvite the bare JIDs allowed to invite the bot */
    static Decision decide(Invitation invitation, Set<EntityBareJid> mayInvite) {
        Optional<EntityBareJid> inviter = vouchedInviter(invitation);
        if (inviter.isEmpty()) {
            return Decision.decline(inviter, invitation.inviter().asBareJid().equals(invitation.room())
                    ? INVITER_HIDDEN : FOREIGN_SERVICE);
        }
        return mayInvite.contains(inviter.get()) ? Decision.accept(inviter.get())
                : Decision.decline(inviter, NOT_ALLOWED);
    }

    /** The inviter's bare JID when the server vouches for it; empty when nothing does. */
    static Optional<EntityBareJid> vouchedInviter(Invitation invitation) {
        Jid inviter = invitation.inviter();
        EntityBareJid bare = inviter.asEntityBareJidIfPossible();
        if (bare == null) {
            return Optional.empty();
        }
        if (invitation.form() == Invitation.Form.DIRECT) {
            return Optional.of(bare);
        }
        if (bare.equals(invitation.room())) {
            return Optional.empty(); // room/nick: the room hides who it is
        }
        String service = invitation.room().getDomain().toString();
        String home = bare.getDomain().toString();
        return service.endsWith("." + home) ? Optional.of(bare) : Optional.empty();
    }
}
