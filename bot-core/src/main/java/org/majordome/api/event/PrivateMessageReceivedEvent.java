package org.majordome.api.event;

import java.time.Instant;

/** An occupant wrote to the bot privately through the room (XEP-0045 §7.5). */
public record PrivateMessageReceivedEvent(String roomJid, Occupant sender, MessageStanza message,
                                          Instant receivedAt) implements RoomEvent { }
