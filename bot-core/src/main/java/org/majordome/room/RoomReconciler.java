package org.majordome.room;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.event.BotEvent;
import org.majordome.api.event.RoomConfiguredEvent;
import org.majordome.config.DesiredRoomConfig;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a room's configuration as desired (XEP-0045 §10.1-§10.2): fetches the owner's configuration form,
 * submits the drifted fields, and says once (per join or per change of settings) what it cannot do.
 */
final class RoomReconciler {

    private static final Logger log = LoggerFactory.getLogger(RoomReconciler.class);

    private final EntityBareJid roomJid;
    private final String room;
    private final XmppSession session;
    private final Consumer<BotEvent> emit;
    private final Clock clock;

    /** Since the last join, the configuration was checked (readiness waits for it). */
    private volatile boolean checked;
    /** What the last check found, for status pages. */
    private volatile RoomConfigCheck last = RoomConfigCheck.NONE;
    // Touched only on the room's worker thread.
    private boolean warnedNoOwnerRights;
    private boolean warnedUnsupported;

    RoomReconciler(EntityBareJid roomJid, XmppSession session, Consumer<BotEvent> emit, Clock clock) {
        this.roomJid = roomJid;
        this.room = roomJid.toString();
        this.session = session;
        this.emit = emit;
        this.clock = clock;
    }

    boolean checked() {
        return checked;
    }

    /** What the last check found: drift put back, settings the server cannot express, a refusal. */
    RoomConfigCheck last() {
        return last;
    }

    /** A new join: readiness waits for a new check. */
    void joined() {
        checked = false;
    }

    /** New desired settings: what they cannot express is worth saying again. */
    void settingsChanged() {
        warnedUnsupported = false;
    }

    /**
     * Compares the room's configuration form with the desired settings and submits the drifted fields.
     *
     * @param created the bot has just created the room: submit every desired field at once (Prosody
     *                keeps a new room locked until its owner submits the form)
     * @return true when a just-created room got no answer and should be tried again shortly
     */
    boolean reconcile(DesiredRoomConfig desired, boolean created) {
        try {
            DataForm form = OwnerForm.fetch(session.connection(), roomJid);
            if (form == null) {
                log.warn("Room {}: the server sent no configuration form", room);
                checked = true;
                return false;
            }
            warnedNoOwnerRights = false;
            RoomConfigPlan plan = RoomConfigPlan.of(form, desired, created);
            if (!plan.unsupported().isEmpty() && !warnedUnsupported) {
                warnedUnsupported = true;
                log.warn("Room {}: this server cannot express these desired settings: {}", room,
                        String.join("; ", plan.unsupported()));
            }
            if (plan.hasChanges()) {
                submit(plan.toSubmit().orElseThrow());
                log.info("Room {}: {} {}", room, created ? "configured new room:" : "put drifted settings back:",
                        String.join(", ", plan.changed()));
                emit.accept(new RoomConfiguredEvent(room, plan.changed(), clock.instant()));
                // A room the bot has just created was configured, not repaired: no drift to show.
                last = created ? last.clean(clock.instant(), plan.unsupported())
                        : last.repairedNow(clock.instant(), plan.changed(), plan.unsupported());
            } else if (created) {
                submit(DataForm.builder(DataForm.Type.submit).build());
                emit.accept(new RoomConfiguredEvent(room, List.of(), clock.instant()));
            }
            if (!plan.hasChanges()) {
                last = last.clean(clock.instant(), plan.unsupported());
            }
            checked = true;
        } catch (XMPPException.XMPPErrorException e) {
            // Refused: the answer is known, and waiting would not change it before the next periodic check.
            checked = true;
            StanzaError.Condition condition = e.getStanzaError().getCondition();
            last = last.refusedNow(clock.instant(), condition.toString());
            if (condition == StanzaError.Condition.forbidden || condition == StanzaError.Condition.not_authorized
                    || condition == StanzaError.Condition.not_allowed) {
                if (!warnedNoOwnerRights) {
                    warnedNoOwnerRights = true;
                    log.warn("Room {}: the bot is not an owner of this room ({}), so it cannot keep its configuration; "
                            + "grant it the owner affiliation. The bot stays in the room.", room, condition);
                }
            } else {
                log.warn("Room {}: configuration refused: {}", room, e.getStanzaError());
            }
        } catch (SmackException.NoResponseException e) {
            if (created) {
                // Prosody keeps a new room locked (others get item-not-found) until its form is submitted: do
                // not leave it so until the next periodic check.
                log.warn("Room {}: no answer to the configuration of the new room; trying again shortly", room);
                return true;
            }
            log.warn("Room {}: no answer to the configuration request; will check again", room);
        } catch (SmackException.NotConnectedException e) {
            log.debug("Room {}: not connected, configuration check skipped", room);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void submit(DataForm form) throws SmackException.NoResponseException, XMPPException.XMPPErrorException,
            SmackException.NotConnectedException, InterruptedException {
        OwnerForm.submit(session.connection(), roomJid, form);
    }
}
