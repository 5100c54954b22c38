package org.majordome.api.event;

import java.time.Instant;

/** Something the bot saw. Sealed so that a plugin can {@code switch} over every kind exhaustively. */
public sealed interface BotEvent permits RoomEvent, DirectMessageReceivedEvent {

    /** When the bot received the stanza (bot clock), not a time claimed by the sender. */
    Instant receivedAt();
}
