package org.majordome.plugins.gate;

import java.time.Instant;

import org.majordome.api.DurationText;
import org.majordome.api.room.RoomHandle;
import org.majordome.plugins.gate.RoomGate.Visitor;

/** What the gate tells a visitor: a text of the room's, filled in, sent privately within the room's budget. */
final class GateMessages {

    private GateMessages() {
    }

    /** Sends {@code template} privately if the room's message budget allows; whether it went. */
    static boolean tell(RoomHandle room, RoomGate gate, GateConfig settings, Visitor visitor, String template,
                       Instant now) {
        if (!gate.mayMessage(now, settings.messagesPerMinute())) {
            return false;
        }
        String question = settings.questions().isEmpty() ? ""
                : settings.questions().get(visitor.question % settings.questions().size()).question();
        String roomName = room.title().filter(title -> !title.isBlank())
                .orElseGet(() -> room.roomJid().substring(0, Math.max(0, room.roomJid().indexOf('@'))));
        String text = template.replace("{nick}", visitor.occupant.nick()).replace("{room}", roomName)
                .replace("{wait}", DurationText.words(settings.waitTime())).replace("{question}", question)
                .replace("{tries}", Integer.toString(Math.max(0, settings.tries() - visitor.tries))).strip();
        if (!text.isEmpty()) {
            room.sendPrivate(visitor.occupant.nick(), text);
        }
        return true;
    }
}
