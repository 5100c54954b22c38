package org.majordome.room;

import java.util.Optional;

import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.ConfigOverlay;
import org.majordome.config.DesiredRoomConfig;
import org.majordome.store.RoomOverlayTable;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies and lifts a room's configuration overlays (XEP-0045 §10.2 owner form): each is stored before the
 * room changes, so that it outlives a crash or a restart, and kept in the room's {@link RoomOverlays}, which
 * the configuration checks read; lifting one puts the room's settings back. Runs on the room's worker, like
 * the configuration checks, so that the two never interleave.
 */
final class RoomOverlayKeeper {

    private static final Logger log = LoggerFactory.getLogger(RoomOverlayKeeper.class);

    private final EntityBareJid roomJid;
    private final String room;
    private final XmppSession session;
    private final RoomOverlayTable store;
    private final RoomOverlays overlays;

    RoomOverlayKeeper(EntityBareJid roomJid, XmppSession session, RoomOverlayTable store) {
        this.roomJid = roomJid;
        this.room = roomJid.toString();
        this.session = session;
        this.store = store;
        this.overlays = load();
    }

    /** The overlays in force (the configuration checks lay them over the declared configuration). */
    RoomOverlays overlays() {
        return overlays;
    }

    private RoomOverlays load() {
        RoomOverlays loaded = new RoomOverlays();
        try {
            for (RoomOverlayTable.Row row : store.forRoom(room)) {
                try {
                    loaded.put(new RoomOverlays.Active(row.name(), RoomOverlays.decode(row.settings()),
                            RoomOverlays.decode(row.previous()),
                            RoomOverlays.previousMembersByDefault(row.previous())));
                    log.info("Room {}: configuration overlay '{}' ({}) still in force", room, row.name(), row.settings());
                } catch (IllegalArgumentException e) {
                    log.warn("Room {}: stored configuration overlay '{}' ignored: {}", room, row.name(), e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            log.error("Room {}: could not read its configuration overlays; the declared settings apply", room, e);
        }
        return loaded;
    }

    ActionResult apply(String name, ConfigOverlay overlay, DesiredRoomConfig declared) {
        return RoomActions.run(() -> {
            DataForm form = OwnerForm.fetch(session.connection(), roomJid);
            if (form == null) {
                return new ActionResult.Failed("the server sent no configuration form");
            }
            Optional<String> missing = missingField(form, overlay);
            if (missing.isPresent()) {
                return new ActionResult.NotSupported("the room's configuration form has no " + missing.get() + " field");
            }
            Optional<RoomOverlays.Active> before = overlays.get(name);
            ConfigOverlay current = new ConfigOverlay(
                    overlay.moderated().map(ignored -> flag(form, RoomConfigPlan.MODERATED)),
                    overlay.membersOnly().map(ignored -> flag(form, RoomConfigPlan.MEMBERS_ONLY)));
            // Applied again (an extended lockdown): what the room had before the first one is what comes back.
            ConfigOverlay previous = before.map(active -> RoomOverlays.keepFirst(active.previous(), current)).orElse(current);
            // On ejabberd a moderated room gives newcomers voice unless members_by_default is off: a moderated
            // overlay turns it off, and its value before comes back with the rest when the overlay is lifted.
            boolean moderates = overlay.moderated().orElse(false)
                    && form.getField(RoomConfigPlan.MEMBERS_BY_DEFAULT) != null;
            Optional<Boolean> previousMembersByDefault = before.flatMap(RoomOverlays.Active::previousMembersByDefault)
                    .or(() -> moderates ? Optional.of(flag(form, RoomConfigPlan.MEMBERS_BY_DEFAULT))
                            : Optional.empty());
            RoomOverlays.Active next = new RoomOverlays.Active(name, overlay, previous, previousMembersByDefault);
            // Stored before the room changes: a crash right after the change must not lose the way back.
            store.put(new RoomOverlayTable.Row(room, name, RoomOverlays.encode(overlay),
                    RoomOverlays.encodePrevious(previous, previousMembersByDefault)));
            overlays.put(next);
            try {
                submit(form, overlays.effective(declared), moderates ? Optional.of(false) : Optional.empty());
            } catch (Exception e) {
                undo(name, before);
                throw e;
            }
            log.info("Room {}: configuration overlay '{}' applied ({})", room, name, RoomOverlays.encode(overlay));
            return ActionResult.DONE;
        });
    }

    ActionResult lift(String name, DesiredRoomConfig declared) {
        if (overlays.get(name).isEmpty()) {
            return RoomActions.run(() -> {
                store.delete(room, name);
                return ActionResult.DONE;
            });
        }
        return RoomActions.run(() -> {
            DataForm form = OwnerForm.fetch(session.connection(), roomJid);
            if (form == null) {
                return new ActionResult.Failed("the server sent no configuration form");
            }
            Optional<Boolean> membersByDefault = overlays.othersModerate(name) ? Optional.empty()
                    : overlays.get(name).flatMap(RoomOverlays.Active::previousMembersByDefault);
            submit(form, overlays.afterLifting(declared, name), membersByDefault);
            store.delete(room, name);
            overlays.remove(name);
            log.info("Room {}: configuration overlay '{}' lifted", room, name);
            return ActionResult.DONE;
        });
    }

    private void submit(DataForm form, DesiredRoomConfig desired, Optional<Boolean> membersByDefault) throws Exception {
        RoomConfigPlan plan = RoomConfigPlan.of(form, desired, false, membersByDefault);
        if (plan.hasChanges()) {
            OwnerForm.submit(session.connection(), roomJid, plan.toSubmit().orElseThrow());
        }
    }

    /** Puts back the overlay as it was before a failed application, in memory and in the store. */
    private void undo(String name, Optional<RoomOverlays.Active> before) {
        try {
            if (before.isPresent()) {
                overlays.put(before.get());
                store.put(new RoomOverlayTable.Row(room, name, RoomOverlays.encode(before.get().settings()),
                        RoomOverlays.encodePrevious(before.get().previous(), before.get().previousMembersByDefault())));
            } else {
                overlays.remove(name);
                store.delete(room, name);
            }
        } catch (RuntimeException e) {
            log.error("Room {}: could not take back the configuration overlay '{}'", room, name, e);
        }
    }

    private static Optional<String> missingField(DataForm form, ConfigOverlay overlay) {
        if (overlay.moderated().isPresent() && form.getField(RoomConfigPlan.MODERATED) == null) {
            return Optional.of(RoomConfigPlan.MODERATED);
        }
        if (overlay.membersOnly().isPresent() && form.getField(RoomConfigPlan.MEMBERS_ONLY) == null) {
            return Optional.of(RoomConfigPlan.MEMBERS_ONLY);
        }
        return Optional.empty();
    }

    private static boolean flag(DataForm form, String field) {
        FormField value = form.getField(field);
        String text = value == null ? null : value.getFirstValue();
        return "1".equals(text) || "true".equalsIgnoreCase(text);
    }
}
