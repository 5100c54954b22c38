package org.majordome.room;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.muc.packet.Destroy;
import org.jivesoftware.smackx.muc.packet.MUCOwner;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.room.ActionResult;
import org.majordome.config.RoomState;
import org.majordome.xmpp.XmppSession;

/**
 * The two requests a retired room needs, each one blocking round trip: destroying it (XEP-0045 §10.9, an owner's
 * muc#owner {@code <destroy/>} with the reason and the alternative room occupants are shown; the bot need not be in
 * the room) and asking whether it exists (XEP-0030 disco#info on the room's JID, sent as a request of its own).
 *
 * <p>A destroyed room answers differently per server: Prosody keeps a tombstone that answers {@code gone} (with the
 * alternative room as {@code xmpp:...?join}) for a month unless a server admin recreates the room; ejabberd forgets
 * it ({@code item-not-found}), so anyone allowed to create rooms may recreate it at once. ejabberd also starts a
 * missing room for an owner's request, so the bot asks whether the room exists before destroying it.
 */
class RoomDestroyer {

    /** Whether a room exists, as its disco#info answer says. */
    enum Existence { EXISTS, GONE, UNKNOWN }

    private final XmppSession session;

    RoomDestroyer(XmppSession session) {
        this.session = session;
    }

    /**
     * Destroys the room. {@code Refused} with the server's condition otherwise: {@code item-not-found} or
     * {@code gone} for a room that is no more, {@code forbidden} when the bot is not an owner. A room that is no
     * more is not sent the request: ejabberd would create it (an owner's request starts a room) to destroy it.
     */
    ActionResult destroy(EntityBareJid room, RoomState how) {
        return RoomActions.run(() -> {
            try {
                ask(room);
            } catch (XMPPException.XMPPErrorException e) {
                ActionResult refused = new ActionResult.Refused(e.getStanzaError().getCondition().toString(),
                        java.util.Objects.requireNonNullElse(e.getStanzaError().getDescriptiveText(), ""));
                if (isGone(refused)) {
                    return refused;
                }
            }
            MUCOwner request = new MUCOwner();
            request.setTo(room);
            request.setType(IQ.Type.set);
            request.setDestroy(new Destroy(how.alternative().orElse(null), how.reason().orElse(null)));
            session.connection().sendIqRequestAndWaitForResponse(request);
            return ActionResult.DONE;
        });
    }

    /** {@code GONE} for {@code item-not-found} (ejabberd) and {@code gone} (Prosody's tombstone). */
    Existence existence(EntityBareJid room) {
        if (!session.isOnline()) {
            return Existence.UNKNOWN;
        }
        try {
            ask(room);
            return Existence.EXISTS;
        } catch (XMPPException.XMPPErrorException e) {
            return isGone(e.getStanzaError().getCondition()) ? Existence.GONE : Existence.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Existence.UNKNOWN;
        } catch (Exception e) {
            return Existence.UNKNOWN;
        }
    }

    /**
     * What a plugin asked for ({@link org.majordome.api.room.RoomHandle#destroy}): a blank reason or alternative is
     * none; empty when the alternative is not a room JID.
     */
    static java.util.Optional<RoomState> request(String reason, String alternativeRoomJid) {
        java.util.Optional<String> why = java.util.Optional.ofNullable(reason).filter(text -> !text.isBlank());
        if (alternativeRoomJid == null || alternativeRoomJid.isBlank()) {
            return java.util.Optional.of(RoomState.destroyed(why, java.util.Optional.empty()));
        }
        try {
            return java.util.Optional.of(RoomState.destroyed(why,
                    java.util.Optional.of(org.jxmpp.jid.impl.JidCreate.entityBareFrom(alternativeRoomJid.strip()))));
        } catch (org.jxmpp.stringprep.XmppStringprepException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * A disco#info request of our own: Smack's {@code discoverInfo} may answer from its entity-capabilities cache,
     * which still describes a room ejabberd has destroyed.
     */
    private void ask(EntityBareJid room) throws SmackException.NoResponseException, XMPPException.XMPPErrorException,
            SmackException.NotConnectedException, InterruptedException {
        session.connection().sendIqRequestAndWaitForResponse(DiscoverInfo.builder("majordome-exists")
                .to(room).ofType(IQ.Type.get).build());
    }

    /** Whether a refusal means the room is no more: nothing left to destroy. */
    static boolean isGone(ActionResult result) {
        return result instanceof ActionResult.Refused refused
                && (refused.errorCondition().equals(StanzaError.Condition.item_not_found.toString())
                    || refused.errorCondition().equals(StanzaError.Condition.gone.toString()));
    }

    private static boolean isGone(StanzaError.Condition condition) {
        return condition == StanzaError.Condition.item_not_found || condition == StanzaError.Condition.gone;
    }
}
