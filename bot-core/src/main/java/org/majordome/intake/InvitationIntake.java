package org.majordome.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.muc.packet.GroupChatInvitation;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises invitations to rooms among incoming messages, both forms: mediated (XEP-0045 §7.8.2, a
 * {@code muc#user <invite/>} the room sends in its own name) and direct (XEP-0249, a {@code jabber:x:conference}
 * element the inviter sends). Each invitation is handed on once: both Prosody and ejabberd attach the direct form
 * to the mediated invitations they pass on, which is one invitation, not two; and the same inviter sending again
 * for the same room (a client that sends both forms, or a repeated click) within {@link #REPEAT_WINDOW} is
 * dropped. What to do with an invitation is not decided here.
 *
 * <p>Trust: the inviter is the one the server vouches for. A direct invitation comes from its sender, whose address
 * its server authenticated. A mediated one comes from the room, which names the inviter in {@code invite/@from}; a
 * JID written anywhere else in a stanza (the direct form's {@code jid} is only the room to join) names no inviter.
 */
public final class InvitationIntake {

    private static final Logger log = LoggerFactory.getLogger(InvitationIntake.class);
    /** How long a repeat of an invitation (same room, same inviter) is dropped. */
    static final Duration REPEAT_WINDOW = Duration.ofMinutes(2);
    /** Bounds the memory of recent invitations, so that a flood of invitations cannot grow it without end. */
    static final int REMEMBERED = 1000;

    private final Consumer<Invitation> decider;
    private final Clock clock;
    private final Map<String, Instant> recent = new LinkedHashMap<>();

    /** @param decider what to do with each invitation; called on Smack's listener thread, so it must return at once */
    public InvitationIntake(Consumer<Invitation> decider, Clock clock) {
        this.decider = decider;
        this.clock = clock;
    }

    /** Starts listening on the connection (before it logs in, so that no invitation is missed). */
    public void listenOn(XMPPConnection connection) {
        connection.addSyncStanzaListener(this::accept, InvitationIntake::carriesInvitation);
    }

    /** Whether a stanza is an invitation in either form (then it is no direct message to answer). */
    public static boolean carriesInvitation(Stanza stanza) {
        if (!(stanza instanceof Message message) || message.getType() == Message.Type.error
                || message.getType() == Message.Type.groupchat) {
            return false;
        }
        MUCUser user = MUCUser.from(message);
        return user != null && user.getInvite() != null || GroupChatInvitation.from(message) != null;
    }

    /** Hands the stanza's invitation on, unless it is a repeat or not an invitation at all. */
    void accept(Stanza stanza) {
        try {
            parse((Message) stanza, clock.instant()).filter(this::firstTime).ifPresent(decider);
        } catch (RuntimeException e) {
            log.error("Could not handle an invitation from {}", stanza.getFrom(), e);
        }
    }

    /**
     * The invitation a message carries: the mediated form when there is one (the direct form beside it is the
     * server's copy of the same invitation), else the direct form; empty for anything else, or a stored (delayed)
     * invitation, which is no live request.
     */
    static Optional<Invitation> parse(Message message, Instant now) {
        Jid from = message.getFrom();
        if (from == null || DelayInformation.from(message) != null) {
            return Optional.empty();
        }
        MUCUser user = MUCUser.from(message);
        if (user != null && user.getInvite() != null) {
            EntityBareJid room = from.asEntityBareJidIfPossible();
            Jid inviter = user.getInvite().getFrom();
            if (room == null || inviter == null || from.hasResource()) {
                return Optional.empty(); // a room speaks with its bare address, and names the inviter
            }
            return Optional.of(new Invitation(room, inviter, Invitation.Form.MEDIATED, user.getInvite().getReason(),
                    Optional.ofNullable(user.getPassword()), now));
        }
        GroupChatInvitation direct = GroupChatInvitation.from(message);
        if (direct == null || from.getLocalpartOrNull() == null) {
            return Optional.empty();
        }
        try {
            EntityBareJid room = JidCreate.entityBareFrom(direct.getRoomAddress());
            return Optional.of(new Invitation(room, from, Invitation.Form.DIRECT, "", Optional.empty(), now));
        } catch (XmppStringprepException | IllegalArgumentException | NullPointerException e) {
            log.info("Ignored a direct invitation from {}: '{}' is not a room address", from, direct.getRoomAddress());
            return Optional.empty();
        }
    }

    /** False for a repeat: same room and same inviter (bare) within the window. */
    synchronized boolean firstTime(Invitation invitation) {
        Instant now = invitation.received();
        for (Iterator<Instant> seen = recent.values().iterator(); seen.hasNext(); ) {
            Instant at = seen.next();
            if (!at.plus(REPEAT_WINDOW).isAfter(now) || recent.size() > REMEMBERED) {
                seen.remove();
            }
        }
        String key = invitation.room() + " " + invitation.inviter().asBareJid();
        if (recent.containsKey(key)) {
            log.debug("Room {}: repeated invitation from {} dropped", invitation.room(), invitation.inviter());
            return false;
        }
        recent.put(key, now);
        return true;
    }
}
