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
                            RoomOverlays.decode(row.previous())));
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
            RoomOverlays.Active next = new RoomOverlays.Active(name, overlay, previous);
            // Stored before the room changes: a crash right after the change must not lose the way back.
            store.put(new RoomOverlayTable.Row(room, name, RoomOverlays.encode(overlay), RoomOverlays.encode(previous)));
            overlays.put(next);
            try {
                submit(form, overlays.effective(declared));
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
            submit(form, overlays.afterLifting(declared, name));
            store.delete(room, name);
            overlays.remove(name);
            log.info("Room {}: configuration overlay '{}' lifted", room, name);
            return ActionResult.DONE;
        });
    }

    private void submit(DataForm form, DesiredRoomConfig desired) throws Exception {
        RoomConfigPlan plan = RoomConfigPlan.of(form, desired, false);
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
                        RoomOverlays.encode(before.get().previous())));
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
