package org.majordome.api.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone asked the moderators to reconsider a moderation case (the moderation plugin's {@code !appeal}); the
 * appeal waits for a moderator's decision, {@link AppealDecidedEvent}.
 *
 * @param roomJid      the room of the case
 * @param caseNumber   the room's case number
 * @param appellantJid the appellant's bare real JID, when known
 * @param nick         the nick the case names
 * @param sanction     what the case did, as the case says it (e.g. {@code ban}, {@code remove+mute 10m})
 * @param text         what the appellant wrote
 * @param receivedAt   when the bot received the appeal
 */
public record AppealFiledEvent(String roomJid, long caseNumber, Optional<String> appellantJid, String nick,
                               String sanction, String text, Instant receivedAt) implements PluginEvent {

    public AppealFiledEvent {
        Objects.requireNonNull(roomJid, "roomJid");
        Objects.requireNonNull(appellantJid, "appellantJid");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(sanction, "sanction");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
