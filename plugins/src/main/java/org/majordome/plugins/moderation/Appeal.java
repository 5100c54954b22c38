package org.majordome.plugins.moderation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.majordome.api.text.Wording;

/**
 * The appeal of one case, stored beside it ({@code appeal/0000000042} in the room's storage): who appealed, what
 * they wrote, and the moderators' decision. A case has at most one appeal; once decided, it stays decided.
 *
 * @param caseNumber   the case appealed
 * @param appellantJid the appellant's bare real JID, when known (always, from a direct message)
 * @param nick         the nick the case names, or the appellant's nick when they appealed through the room
 * @param text         what the appellant wrote (trimmed like a case's evidence)
 * @param filedAt      when
 * @param state        open, or the decision
 * @param decidedBy    the moderator who decided; empty while open
 * @param reason       the moderator's reason; empty when none was given
 * @param decidedAt    when it was decided
 */
record Appeal(long caseNumber, Optional<String> appellantJid, String nick, String text, Instant filedAt, State state,
              String decidedBy, String reason, Optional<Instant> decidedAt) {

    enum State { OPEN, ACCEPTED, REJECTED }

    Appeal {
        Objects.requireNonNull(appellantJid, "appellantJid");
        Objects.requireNonNull(nick, "nick");
        text = ModerationCase.trim(text);
        Objects.requireNonNull(filedAt, "filedAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    static Appeal filed(long caseNumber, Optional<String> appellantJid, String nick, String text, Instant at) {
        return new Appeal(caseNumber, appellantJid, nick, text, at, State.OPEN, "", "", Optional.empty());
    }

    Appeal decided(boolean accepted, String moderator, String why, Instant at) {
        return new Appeal(caseNumber, appellantJid, nick, text, filedAt, accepted ? State.ACCEPTED : State.REJECTED,
                moderator, why, Optional.of(at));
    }

    boolean open() {
        return state == State.OPEN;
    }

    /** For {@code !case}: the appeal and its outcome, in the wording's language, times in the room's zone. */
    String details(Wording wording) {
        return switch (state) {
            case OPEN -> wording.format("appeal.details.open", filedAt, text);
            case ACCEPTED, REJECTED -> wording.format("appeal.details." + state.name().toLowerCase(java.util.Locale.ROOT),
                    filedAt, text, decidedBy, decidedAt.map(at -> wording.format("appeal.details.at", at)).orElse(""),
                    reason.isBlank() ? "" : wording.format("reason.suffix", reason));
        };
    }

    String encode() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("case", Long.toString(caseNumber));
        appellantJid.ifPresent(jid -> fields.put("jid", jid));
        fields.put("nick", nick);
        fields.put("text", text);
        fields.put("filed-at", filedAt.toString());
        fields.put("state", state.name());
        fields.put("decided-by", decidedBy);
        fields.put("reason", reason);
        decidedAt.ifPresent(at -> fields.put("decided-at", at.toString()));
        return Fields.encode(fields);
    }

    static Appeal decode(String encoded) {
        Map<String, String> fields = Fields.decode(encoded);
        return new Appeal(Long.parseLong(fields.get("case")), Optional.ofNullable(fields.get("jid")),
                fields.getOrDefault("nick", ""), fields.getOrDefault("text", ""), Instant.parse(fields.get("filed-at")),
                State.valueOf(fields.get("state")), fields.getOrDefault("decided-by", ""),
                fields.getOrDefault("reason", ""), Optional.ofNullable(fields.get("decided-at")).map(Instant::parse));
    }
}
