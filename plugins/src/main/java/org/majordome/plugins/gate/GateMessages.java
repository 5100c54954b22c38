package org.majordome.plugins.gate;

import java.time.Instant;
import java.util.Map;

import org.majordome.api.room.RoomHandle;
import org.majordome.api.text.Texts;
import org.majordome.api.text.Wording;
import org.majordome.plugins.gate.RoomGate.Visitor;

/**
 * What the gate tells a visitor: a text of the room's, filled in, sent privately within the room's budget, in the
 * visitor's language (the one their messages declared, else the room's). A text the configuration leaves at its
 * default is the plugin's own, from its bundle; one a keeper wrote is used as written, its {@code {wait}} in words
 * of that language.
 */
final class GateMessages {

    private static final GateConfig DEFAULTS = GateConfig.defaults();
    /** The shipped texts, by their bundle key: a room that keeps one gets it in its language. */
    private static final Map<String, String> SHIPPED = Map.of(
            DEFAULTS.waitText(), "gate.wait", DEFAULTS.questionText(), "gate.question", DEFAULTS.bothText(), "gate.both",
            DEFAULTS.answeredText(), "gate.answered", DEFAULTS.passedText(), "gate.passed",
            DEFAULTS.wrongText(), "gate.wrong", DEFAULTS.failedText(), "gate.failed");

    private GateMessages() {
    }

    /** Sends {@code template} privately if the room's message budget allows; whether it went. */
    static boolean tell(Texts texts, RoomHandle room, RoomGate gate, GateConfig settings, Visitor visitor,
                        String template, Instant now) {
        if (!gate.mayMessage(now, settings.messagesPerMinute())) {
            return false;
        }
        String nick = visitor.occupant.nick();
        Wording wording = texts.privatelyTo(room, nick);
        String question = settings.questions().isEmpty() ? ""
                : settings.questions().get(visitor.question % settings.questions().size()).question();
        String roomName = room.title().filter(title -> !title.isBlank())
                .orElseGet(() -> room.roomJid().substring(0, Math.max(0, room.roomJid().indexOf('@'))));
        String wait = wording.duration(settings.waitTime());
        int tries = Math.max(0, settings.tries() - visitor.tries);
        String key = SHIPPED.get(template);
        String text = key != null
                ? wording.format(key, Map.of("nick", nick, "room", roomName, "wait", wait, "question", question,
                        "tries", tries)).strip()
                : template.replace("{nick}", nick).replace("{room}", roomName).replace("{wait}", wait)
                        .replace("{question}", question).replace("{tries}", Integer.toString(tries)).strip();
        if (!text.isEmpty()) {
            room.sendPrivate(nick, text);
        }
        return true;
    }
}
