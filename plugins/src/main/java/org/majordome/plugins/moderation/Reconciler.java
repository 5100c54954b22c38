package org.majordome.plugins.moderation;

import java.util.List;
import java.util.Optional;

import org.majordome.api.PluginContext;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.Role;
import org.majordome.api.room.RoomHandle;
import org.majordome.plugins.moderation.ModerationConfig.Sanction;

/**
 * Settles the mutes and bans whose fate the bot does not know: decided and stored, but the bot stopped (or got
 * no answer) before the server confirmed them. Runs when the bot is in the room: at start, on every (re)join,
 * and after a sanction that got no answer. The room's lists decide: a ban is in force when its JID is on the
 * ban list (XEP-0045 §9.5), a mute when its offender, present, has the visitor role (an absent offender's mute
 * is in force: a rejoin is muted again). A sanction in force keeps its end; one that never reached the server
 * is marked so in its case and has nothing to end. A pending sanction whose end job is missing (the bot
 * stopped between storing the case and scheduling the job) gets it back.
 */
final class Reconciler {

    private final PluginContext<ModerationConfig> context;
    private final CaseBook book;
    private final SanctionExpiry expiry;

    Reconciler(PluginContext<ModerationConfig> context, CaseBook book, SanctionExpiry expiry) {
        this.context = context;
        this.book = book;
        this.expiry = expiry;
    }

    synchronized void reconcile(RoomHandle room) {
        if (!room.joined()) {
            return;
        }
        String roomJid = room.roomJid();
        List<PendingSanction> pending = book.pending(roomJid);
        for (PendingSanction sanction : pending) {
            if (sanction.until().isPresent() && !expiry.scheduled(roomJid, sanction)) {
                expiry.schedule(roomJid, sanction);
                context.logger(roomJid).info("Case #{}: the end of the {} was scheduled again", sanction.caseNumber(),
                        sanction.action());
            }
        }
        List<PendingSanction> unknown = pending.stream().filter(sanction -> !sanction.confirmed()).toList();
        for (PendingSanction mute : unknown.stream().filter(sanction -> sanction.sanction() == Sanction.MUTE).toList()) {
            Optional<Occupant> present = room.occupants().stream()
                    .filter(occupant -> Offender.of(occupant).key().equals(mute.offender().key())).findFirst();
            settle(room, mute, present.map(occupant -> occupant.role() == Role.VISITOR).orElse(true));
        }
        List<PendingSanction> bans = unknown.stream().filter(sanction -> sanction.sanction() == Sanction.BAN).toList();
        if (bans.isEmpty()) {
            return;
        }
        room.banList().thenAccept(list -> {
            if (list.isEmpty()) {
                context.logger(roomJid).info("{} ban(s) stay unconfirmed: the room did not give its ban list",
                        bans.size());
                return;
            }
            for (PendingSanction ban : bans) {
                settle(room, ban, ban.offender().realJid().map(list.get()::contains).orElse(false));
            }
        });
    }

    /** Confirms a sanction in force, or marks one that never reached the server and forgets its end. */
    private synchronized void settle(RoomHandle room, PendingSanction sanction, boolean inForce) {
        String roomJid = room.roomJid();
        Optional<PendingSanction> stored = book.pending(roomJid, sanction.caseNumber());
        if (stored.isEmpty() || stored.get().confirmed()) {
            return;
        }
        if (inForce) {
            if (sanction.until().isPresent()) {
                book.replacePending(roomJid, sanction.confirm());
            } else {
                book.deletePending(roomJid, sanction.caseNumber());
            }
            book.update(roomJid, sanction.caseNumber(), entry -> entry.settled(sanction.action()
                    + " (confirmed by the room's lists)", entry.fallback(), sanction.until()));
            context.logger(roomJid).info("Case #{}: the {} is in force (the room's lists say so)",
                    sanction.caseNumber(), sanction.action());
            return;
        }
        expiry.cancel(roomJid, sanction.expiryJob());
        if (sanction.sanction() == Sanction.MUTE) {
            book.deleteMute(roomJid, sanction.offender().key());
            MuteNotices.ended(context, roomJid, sanction.offender(), "not-carried-out");
        }
        book.deletePending(roomJid, sanction.caseNumber());
        book.update(roomJid, sanction.caseNumber(), entry -> entry.settled("not carried out: " + sanction.action()
                + " (it never reached the server)", entry.fallback(), Optional.empty()));
        context.logger(roomJid).info("Case #{}: the {} never reached the server; nothing to end",
                sanction.caseNumber(), sanction.action());
    }
}
