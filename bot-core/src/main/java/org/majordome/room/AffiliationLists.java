package org.majordome.room;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.muc.MUCAffiliation;
import org.jivesoftware.smackx.muc.packet.MUCAdmin;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.event.Affiliation;
import org.majordome.api.room.AffiliationEntry;
import org.majordome.xmpp.XmppSession;

/**
 * The muc#admin requests on a room's affiliation lists (XEP-0045 §9.5 outcasts, §9.8 members, §10.5 owners and
 * admins): one list read, and one request setting one or several items. Each call is a blocking round trip that
 * throws what Smack throws (a refusal is an {@code XMPPErrorException} carrying the server's reason).
 *
 * <p>Prosody 0.12 applies only the first item of a request carrying several and still answers {@code result};
 * ejabberd applies them all. Callers that send several items read the lists back ({@link AffiliationKeeper}).
 */
final class AffiliationLists {

    /** The lists a room keeps, in the order they are read. */
    static final List<Affiliation> LISTS = List.of(Affiliation.OWNER, Affiliation.ADMIN, Affiliation.MEMBER,
            Affiliation.OUTCAST);

    private final EntityBareJid room;
    private final XmppSession session;

    AffiliationLists(EntityBareJid room, XmppSession session) {
        this.room = room;
        this.session = session;
    }

    /** One list: the bare JIDs with that affiliation, with the reason where the server keeps one. */
    List<AffiliationEntry> read(Affiliation affiliation) throws Exception {
        MUCAdmin request = new MUCAdmin();
        request.setTo(room);
        request.setType(IQ.Type.get);
        request.addItem(new MUCItem(smack(affiliation)));
        MUCAdmin answer = session.connection().sendIqRequestAndWaitForResponse(request);
        List<AffiliationEntry> entries = new ArrayList<>();
        for (MUCItem item : answer.getItems()) {
            if (item.getJid() != null) {
                String jid = item.getJid().asBareJid().toString().toLowerCase(Locale.ROOT);
                if (entries.stream().noneMatch(entry -> entry.jid().equals(jid))) {
                    entries.add(new AffiliationEntry(jid, affiliation, Optional.ofNullable(item.getReason())
                            .filter(reason -> !reason.isBlank())));
                }
            }
        }
        return entries;
    }

    /** Every list: each JID with an affiliation other than none. */
    Map<EntityBareJid, Affiliation> readAll() throws Exception {
        Map<EntityBareJid, Affiliation> all = new LinkedHashMap<>();
        for (Affiliation list : LISTS) {
            for (AffiliationEntry entry : read(list)) {
                all.putIfAbsent(org.jxmpp.jid.impl.JidCreate.entityBareFrom(entry.jid()), list);
            }
        }
        return all;
    }

    /** Sets the changes in one request (several items: see the class comment about Prosody). */
    void set(List<AffiliationPlan.Change> changes) throws Exception {
        MUCAdmin request = new MUCAdmin();
        request.setTo(room);
        request.setType(IQ.Type.set);
        for (AffiliationPlan.Change change : changes) {
            request.addItem(new MUCItem(smack(change.to()), change.jid(), change.reason().orElse(null)));
        }
        session.connection().sendIqRequestAndWaitForResponse(request);
    }

    static MUCAffiliation smack(Affiliation affiliation) {
        return MUCAffiliation.valueOf(affiliation.name().toLowerCase(Locale.ROOT));
    }
}
