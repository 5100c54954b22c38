package org.majordome.plugins.moderation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.majordome.api.text.Wording;

/**
 * One numbered moderation case of a room: who, why, what was done (or would have been, in dry run), by whom,
 * until when, and which fallback was used when a sanction was not available.
 *
 * @param number      the room's case number, from 1
 * @param room        the room's bare JID
 * @param offenderKey the key the offender's record is held under ({@link Offender#key()})
 * @param nick        the offender's nick at the time
 * @param realJid     the offender's bare real JID, when known
 * @param occupantId  the offender's occupant id (XEP-0421), when known
 * @param rule        the rules broken, or {@code manual} for a moderator's command
 * @param evidence    the reason given, or the offending message (trimmed)
 * @param action      what was done, e.g. {@code remove+mute 10m}; prefixed {@code would have:} in dry run
 * @param actor       {@code bot}, or the moderator who ran the command
 * @param at          when
 * @param expires     when a temporary sanction ends
 * @param fallback    what replaced a sanction the room refused or does not offer; empty when none did
 * @param dryRun      nothing was actually done
 */
record ModerationCase(long number, String room, String offenderKey, String nick, Optional<String> realJid,
                      Optional<String> occupantId, String rule, String evidence, String action, String actor,
                      Instant at, Optional<Instant> expires, String fallback, boolean dryRun) {

    static final int EVIDENCE_CHARS = 300;

    ModerationCase {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(offenderKey, "offenderKey");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(realJid, "realJid");
        Objects.requireNonNull(occupantId, "occupantId");
        Objects.requireNonNull(rule, "rule");
        evidence = trim(evidence);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(fallback, "fallback");
    }

    static String trim(String text) {
        // Cut first: the evidence of a 100 KB message is its first few hundred characters anyway.
        return text.length() <= EVIDENCE_CHARS ? text.replace('\n', ' ')
                : text.substring(0, EVIDENCE_CHARS).replace('\n', ' ') + "…";
    }

    /** This case with what was finally done (once the server answered, or the room's lists told). */
    ModerationCase settled(String newAction, String newFallback, Optional<Instant> newExpires) {
        return new ModerationCase(number, room, offenderKey, nick, realJid, occupantId, rule, evidence, newAction,
                actor, at, newExpires, newFallback, dryRun);
    }

    /** One line for {@code !cases}, in the wording's language, its time in the room's zone. */
    String summary(Wording wording) {
        return wording.format("case.summary", Long.toString(number), at, nick, rule, CaseActions.shown(wording, action),
                fallback.isEmpty() ? "" : wording.format("case.summary.fallback", fallback));
    }

    /** Every detail, for {@code !case}, times in the room's zone. */
    String details(Wording wording) {
        return wording.format("case.details", Long.toString(number), room, nick,
                realJid.map(jid -> " (" + jid + ")").orElse(""), rule, CaseActions.shown(wording, action),
                expires.map(until -> wording.format("case.details.until", until)).orElse(""), actor, at,
                fallback.isEmpty() ? "" : wording.format("case.details.fallback", fallback), evidence);
    }

    String encode() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("number", Long.toString(number));
        fields.put("room", room);
        fields.put("offender", offenderKey);
        fields.put("nick", nick);
        realJid.ifPresent(jid -> fields.put("jid", jid));
        occupantId.ifPresent(id -> fields.put("occupant-id", id));
        fields.put("rule", rule);
        fields.put("evidence", evidence);
        fields.put("action", action);
        fields.put("actor", actor);
        fields.put("at", at.toString());
        expires.ifPresent(until -> fields.put("expires", until.toString()));
        fields.put("fallback", fallback);
        fields.put("dry-run", Boolean.toString(dryRun));
        return Fields.encode(fields);
    }

    static ModerationCase decode(String text) {
        Map<String, String> fields = Fields.decode(text);
        return new ModerationCase(Long.parseLong(fields.get("number")), fields.get("room"), fields.get("offender"),
                fields.get("nick"), Optional.ofNullable(fields.get("jid")), Optional.ofNullable(fields.get("occupant-id")),
                fields.get("rule"), fields.getOrDefault("evidence", ""), fields.get("action"), fields.get("actor"),
                Instant.parse(fields.get("at")), Optional.ofNullable(fields.get("expires")).map(Instant::parse),
                fields.getOrDefault("fallback", ""), Boolean.parseBoolean(fields.get("dry-run")));
    }
}
