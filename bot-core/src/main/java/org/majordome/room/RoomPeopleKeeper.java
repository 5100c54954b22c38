package org.majordome.room;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.event.Occupant;
import org.majordome.api.room.RoomAffiliations;
import org.majordome.config.RoomSettings;
import org.majordome.intake.EventSink;
import org.majordome.xmpp.XmppSession;

/**
 * A room's people as code, for {@link KeptRoom}: its declared affiliations ({@link AffiliationKeeper}) and
 * moderators ({@link DeclaredModerators}), and the plugins' access to the lists ({@link RoomAffiliationActions}),
 * all over one {@link AffiliationLists} and one {@link AffiliationWriter} (which learns what the server accepts).
 */
final class RoomPeopleKeeper {

    private final Supplier<RoomSettings> settings;
    private final AffiliationKeeper affiliations;
    private final DeclaredModerators moderators;
    private final RoomAffiliations actions;

    /**
     * @param worker  the room's serial worker, where checks run
     * @param actions where the plugins' requests run
     */
    RoomPeopleKeeper(EntityBareJid roomJid, XmppSession session, Supplier<RoomSettings> settings, Executor worker,
                     BooleanSupplier joined, Executor actions) {
        this.settings = settings;
        EntityBareJid bot = session.settings().jid();
        AffiliationLists lists = new AffiliationLists(roomJid, session);
        AffiliationWriter writer = new AffiliationWriter(roomJid, lists);
        this.affiliations = new AffiliationKeeper(roomJid, bot, lists, writer);
        this.moderators = new DeclaredModerators(roomJid, session, () -> settings.get().people(), worker, joined);
        this.actions = new RoomAffiliationActions(roomJid, bot, lists, writer, joined, actions);
    }

    /** The sink of the room's events, watched for declared moderators joining. */
    EventSink watching(EventSink sink) {
        return event -> {
            sink.accept(event);
            moderators.seen(event);
        };
    }

    /** At each join and check, on the worker: the lists and the moderator roles as declared. */
    void reconcile(List<Occupant> occupants) {
        affiliations.reconcile(settings.get().people());
        moderators.grant(occupants);
    }

    /** New settings: refusals are worth logging again. */
    void settingsChanged() {
        affiliations.settingsChanged();
    }

    /** See {@link AffiliationKeeper#unapplied()}. */
    List<String> unapplied() {
        return affiliations.unapplied();
    }

    /** See {@link AffiliationKeeper#managers()}. */
    java.util.Set<String> managers() {
        return affiliations.managers();
    }

    RoomAffiliations actions() {
        return actions;
    }
}
