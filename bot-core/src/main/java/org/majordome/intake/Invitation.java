package org.majordome.intake;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;

/**
 * An invitation to a room, as it reached the bot.
 *
 * @param room     the room the bot is invited to
 * @param inviter  who invited, as the server vouches for it: for a direct invitation the stanza's sender; for a
 *                 mediated one the inviter the room names (a real JID, or the inviter's {@code room/nick} when the
 *                 room hides real JIDs), never a JID written in the invitation by its sender
 * @param form     how it came
 * @param reason   the inviter's reason, or empty
 * @param password the room's password the invitation gives, if any
 * @param received when it arrived
 */
public record Invitation(EntityBareJid room, Jid inviter, Form form, String reason, Optional<String> password,
                         Instant received) {

    /** The two ways to invite: through the room, or person to person. */
    public enum Form {
        /** XEP-0045 §7.8.2: sent to the room, which passes it on in its own name; declined through the room. */
        MEDIATED,
        /** XEP-0249: sent by the inviter straight to the bot; there is no decline in that protocol. */
        DIRECT
    }

    public Invitation {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(inviter, "inviter");
        Objects.requireNonNull(form, "form");
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(received, "received");
    }
}
