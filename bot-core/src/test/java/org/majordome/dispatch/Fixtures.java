package org.majordome.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.majordome.api.event.Affiliation;
import org.majordome.api.event.DirectMessageReceivedEvent;
import org.majordome.api.event.MessageStanza;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.PrivateMessageReceivedEvent;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.DirectChat;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.room.Rooms;

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

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now = T0;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Rooms backed by fakes. */
    static final class FakeRooms implements Rooms {
        private final Map<String, FakeRoom> rooms = new LinkedHashMap<>();

        FakeRoom add(String roomJid) {
            return rooms.computeIfAbsent(roomJid, FakeRoom::new);
        }

        @Override
        public Optional<RoomHandle> room(String roomJid) {
            return Optional.ofNullable(rooms.get(roomJid));
        }

        @Override
        public Collection<RoomHandle> all() {
            return List.copyOf(rooms.values());
        }
    }

    /** Records one-to-one messages as "jid: text". */
    static final class FakeDirectChat implements DirectChat {
        final List<String> outbox = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<ActionResult> send(String jid, String text) {
            outbox.add(jid + ": " + text);
            return CompletableFuture.completedFuture(ActionResult.DONE);
        }
    }
}
