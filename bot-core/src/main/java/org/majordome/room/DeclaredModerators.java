package org.majordome.room;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.packet.MUCAdmin;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.event.BotEvent;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.OccupantJoinedEvent;
import org.majordome.api.event.Role;
import org.majordome.api.room.ActionResult;
import org.majordome.config.RoomPeople;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the moderator role (XEP-0045 §8.6, §9.6) to the occupants the configuration names in {@code moderators},
 * whenever they are present: at each configuration check, and as each of them joins. The bot must see their real
 * JIDs (it does as a moderator itself, or in a non-anonymous room). A refusal is logged once per JID.
 */
final class DeclaredModerators {

    private static final Logger log = LoggerFactory.getLogger(DeclaredModerators.class);

    private final EntityBareJid roomJid;
    private final XmppSession session;
    private final Supplier<RoomPeople> people;
    private final Executor worker;
    private final BooleanSupplier joined;
    // Touched only on the room's worker thread.
    private final Set<String> warned = new HashSet<>();

    DeclaredModerators(EntityBareJid roomJid, XmppSession session, Supplier<RoomPeople> people, Executor worker,
                       BooleanSupplier joined) {
        this.roomJid = roomJid;
        this.session = session;
        this.people = people;
        this.worker = worker;
        this.joined = joined;
    }

    /** Watches the room's events: a declared moderator who joins gets the role (on the worker, never here). */
    void seen(BotEvent event) {
        if (event instanceof OccupantJoinedEvent joinedEvent && isDeclared(joinedEvent.occupant())) {
            try {
                worker.execute(() -> grant(List.of(joinedEvent.occupant())));
            } catch (RejectedExecutionException stopped) {
                // The room is no longer kept.
            }
        }
    }

    /** Grants the role to every present declared moderator who lacks it. On the worker. */
    void grant(List<Occupant> occupants) {
        if (!joined.getAsBoolean()) {
            return;
        }
        for (Occupant occupant : occupants) {
            if (isDeclared(occupant) && occupant.role() != Role.MODERATOR) {
                String jid = occupant.realJid().orElseThrow();
                ActionResult result = RoomActions.run(() -> {
                    MUCAdmin request = new MUCAdmin();
                    request.setTo(roomJid);
                    request.setType(IQ.Type.set);
                    request.addItem(new MUCItem(MUCRole.moderator, Resourcepart.from(occupant.nick()), null));
                    session.connection().sendIqRequestAndWaitForResponse(request);
                    return ActionResult.DONE;
                });
                if (result.succeeded()) {
                    warned.remove(jid);
                    log.info("Room {}: gave the moderator role to {} ({}), as declared", roomJid, occupant.nick(), jid);
                } else if (warned.add(jid)) {
                    log.warn("Room {}: could not give the declared moderator role to {} ({}): {}", roomJid,
                            occupant.nick(), jid, AffiliationKeeper.reason(result));
                }
            }
        }
    }

    private boolean isDeclared(Occupant occupant) {
        List<EntityBareJid> moderators = people.get().moderators();
        return !moderators.isEmpty() && occupant.realJid().map(jid -> jid.toLowerCase(Locale.ROOT))
                .filter(jid -> moderators.stream().anyMatch(declared -> declared.toString().equals(jid))).isPresent();
    }
}
