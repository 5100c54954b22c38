package org.majordome.plugins.moderation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.majordome.plugins.moderation.ModerationConfig.Sanction;

/**
 * A mute or ban the bot decided, stored with its case before it leaves for the server, so that a crash at any
 * moment leaves a trace to reconcile with the room's lists at start ({@link Reconciler}).
 *
 * @param caseNumber the case it belongs to
 * @param sanction   {@code MUTE} or {@code BAN}
 * @param offender   who
 * @param until      when it ends; empty for a permanent ban
 * @param action     what it is, for people and the case ({@code ban 24h})
 * @param confirmed  the server said it was done (or the room's lists showed it); false while it may not have left
 */
record PendingSanction(long caseNumber, Sanction sanction, Offender offender, Optional<Instant> until,
                       String action, boolean confirmed) {

    /** The name of the persistent job that ends it ({@link SanctionExpiry}). */
    String expiryJob() {
        return (sanction == Sanction.MUTE ? "unmute:" : "unban:") + offender.key();
    }

    PendingSanction confirm() {
        return new PendingSanction(caseNumber, sanction, offender, until, action, true);
    }

    String encode() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("case", Long.toString(caseNumber));
        fields.put("sanction", sanction.name());
        fields.put("offender", offender.key());
        fields.put("nick", offender.nick());
        offender.realJid().ifPresent(jid -> fields.put("jid", jid));
        offender.occupantId().ifPresent(id -> fields.put("occupant-id", id));
        until.ifPresent(end -> fields.put("until", end.toString()));
        fields.put("action", action);
        fields.put("confirmed", Boolean.toString(confirmed));
        return Fields.encode(fields);
    }

    static PendingSanction decode(String text) {
        Map<String, String> fields = Fields.decode(text);
        Offender offender = new Offender(fields.get("offender"), fields.get("nick"),
                Optional.ofNullable(fields.get("jid")), Optional.ofNullable(fields.get("occupant-id")));
        return new PendingSanction(Long.parseLong(fields.get("case")), Sanction.valueOf(fields.get("sanction")),
                offender, Optional.ofNullable(fields.get("until")).map(Instant::parse), fields.getOrDefault("action", ""),
                Boolean.parseBoolean(fields.get("confirmed")));
    }
}
