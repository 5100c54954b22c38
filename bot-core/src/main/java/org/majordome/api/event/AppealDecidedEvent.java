package org.majordome.api.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A moderator accepted or rejected an appeal ({@link AppealFiledEvent}); an accepted appeal lifts the case's
 * sanction.
 *
 * @param roomJid      the room of the case
 * @param caseNumber   the room's case number
 * @param appellantJid the appellant's bare real JID, when known
 * @param nick         the nick the case names
 * @param accepted     whether the sanction is lifted
 * @param moderator    who decided (nick, and real JID when known)
 * @param reason       the moderator's reason; empty when none was given
 * @param receivedAt   when the bot received the decision
 */
public record AppealDecidedEvent(String roomJid, long caseNumber, Optional<String> appellantJid, String nick,
                                 boolean accepted, String moderator, String reason, Instant receivedAt)
        implements PluginEvent {

    public AppealDecidedEvent {
        Objects.requireNonNull(roomJid, "roomJid");
        Objects.requireNonNull(appellantJid, "appellantJid");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(moderator, "moderator");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
