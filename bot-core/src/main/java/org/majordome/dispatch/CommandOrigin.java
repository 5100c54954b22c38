package org.majordome.dispatch;

import java.util.Optional;

import org.majordome.api.command.CommandScope;
import org.majordome.api.command.CommandSender;
import org.majordome.api.event.BotEvent;
import org.majordome.api.event.MessageStanza;
import org.majordome.api.event.Occupant;

/** Where a command came from and how to answer there. */
record CommandOrigin(CommandScope scope, String queueKey, Optional<String> roomJid, CommandSender sender,
                     MessageStanza message, BotEvent event) {

    /** The identity a rate limit is kept for: nicks change, occupant ids and real JIDs do not. */
    String senderKey() {
        String who = sender.occupant().flatMap(Occupant::occupantId).map(id -> "id:" + id)
                .or(() -> sender.bareJid().map(jid -> "jid:" + jid))
                .orElseGet(() -> "nick:" + sender.displayName());
        return roomJid.map(room -> room + " ").orElse("") + who;
    }
}
