package org.majordome.api.event;

import java.time.Instant;

/** An occupant said something to the whole room (a groupchat message with a body). */
public record RoomMessageReceivedEvent(String roomJid, Occupant sender, MessageStanza message,
                                       Instant receivedAt) implements RoomEvent { }
