package org.majordome.api.event;

import java.time.Instant;

/**
 * Someone wrote to the bot's own JID in a one-to-one chat, outside any room.
 *
 * @param senderFullJid the sender's full JID (with resource), to answer the right client
 * @param senderBareJid the sender's bare JID, the identity permissions are decided on
 */
public record DirectMessageReceivedEvent(String senderFullJid, String senderBareJid,
                                         MessageStanza message, Instant receivedAt) implements BotEvent { }
