package org.majordome.dispatch;

import java.time.Instant;
import java.util.Optional;

import org.majordome.api.event.Affiliation;
import org.majordome.api.event.DirectMessageReceivedEvent;
import org.majordome.api.event.MessageStanza;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.PrivateMessageReceivedEvent;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomMessageReceivedEvent;

/** Small builders for events, occupants and the fakes the dispatcher tests share. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2025-01-01T12:00:00Z");

    private Fixtures() {
    }

    static Occupant occupant(String nick, Role role, Affiliation affiliation) {
        return new Occupant(nick, Optional.empty(), Optional.of("occ-" + nick), role, affiliation);
    }

    static Occupant occupant(String nick, String realJid, Role role, Affiliation affiliation) {
        return new Occupant(nick, Optional.of(realJid), Optional.of("occ-" + nick), role, affiliation);
    }

    static Occupant participant(String nick) {
        return occupant(nick, Role.PARTICIPANT, Affiliation.NONE);
    }

    static RoomMessageReceivedEvent say(String room, Occupant sender, String body) {
        return new RoomMessageReceivedEvent(room, sender, MessageStanza.ofBody(body), T0);
    }

    static PrivateMessageReceivedEvent whisper(String room, Occupant sender, String body) {
        return new PrivateMessageReceivedEvent(room, sender, MessageStanza.ofBody(body), T0);
    }

    static DirectMessageReceivedEvent direct(String bareJid, String body) {
        return new DirectMessageReceivedEvent(bareJid + "/phone", bareJid, MessageStanza.ofBody(body), T0);
    }
}
