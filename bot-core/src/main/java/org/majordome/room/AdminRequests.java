package org.majordome.room;

import java.util.List;
import java.util.Locale;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.muc.MUCAffiliation;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.packet.MUCAdmin;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.room.ActionResult;
import org.majordome.xmpp.XmppSession;

/**
 * The muc#admin requests of one room (XEP-0045 §8-§10): a role or an affiliation set on one item, with its
 * reason, and the ban list read (§9.5). Each method is one blocking round trip, run by {@link RoomActions}
 * off the caller's thread.
 */
final class AdminRequests {

    private final KeptRoom room;
    private final XmppSession session;

    AdminRequests(KeptRoom room, XmppSession session) {
        this.room = room;
        this.session = session;
    }

    /** Sets an occupant's role; a blank reason is left out. */
    RoomActions.Action role(String nick, MUCRole role, String reason) {
        return () -> set(new MUCItem(role, Resourcepart.from(nick), blankToNull(reason)));
    }

    /** Sets a user's affiliation; a blank reason is left out. */
    RoomActions.Action affiliation(String realBareJid, MUCAffiliation affiliation, String reason) {
        return () -> set(new MUCItem(affiliation, JidCreate.entityBareFrom(realBareJid), blankToNull(reason)));
    }

    /** The bare JIDs of the outcast list, lower case (XEP-0045 §9.5: an item with affiliation outcast, get). */
    List<String> banList() throws Exception {
        MUCAdmin request = new MUCAdmin();
        request.setTo(room.jid());
        request.setType(IQ.Type.get);
        request.addItem(new MUCItem(MUCAffiliation.outcast));
        MUCAdmin answer = session.connection().sendIqRequestAndWaitForResponse(request);
        return answer.getItems().stream().filter(item -> item.getJid() != null)
                .map(item -> item.getJid().asBareJid().toString().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private ActionResult set(MUCItem item) throws Exception {
        MUCAdmin request = new MUCAdmin();
        request.setTo(room.jid());
        request.setType(IQ.Type.set);
        request.addItem(item);
        session.connection().sendIqRequestAndWaitForResponse(request);
        return ActionResult.DONE;
    }

    private static String blankToNull(String reason) {
        return reason == null || reason.isBlank() ? null : reason;
    }

    /** A refusal as the server worded it: its condition, and its text when it gave one. */
    static ActionResult refused(StanzaError error) {
        return new ActionResult.Refused(error.getCondition().toString(),
                java.util.Optional.ofNullable(error.getDescriptiveText()).orElse(""));
    }
}
