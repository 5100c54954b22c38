package org.majordome.console;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.majordome.api.event.Affiliation;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.Role;
import org.majordome.room.RoomConfigCheck;
import org.majordome.room.RoomStatus;
import org.majordome.room.RoomView;

/** Rooms as the console's pages read them, made by hand for unit tests and the page benchmark. */
final class RoomViews {

    static final Instant AT = Instant.parse("2026-12-07T15:00:00Z");

    private RoomViews() {
    }

    /** A joined room whose configuration declares this owner, with a subject and two occupants. */
    static RoomView ownedBy(String room, String owner) {
        Map<String, Affiliation> declared = new LinkedHashMap<>();
        declared.put(owner, Affiliation.OWNER);
        return new RoomView(new RoomStatus(room, RoomStatus.State.JOINED, "Majordome", 2, AT, Optional.empty(), true),
                Optional.of("Room " + room.substring(0, room.indexOf('@'))), Optional.of("Subject of " + room),
                List.of(new Occupant("Ann", Optional.of("ann@example.org"), Optional.empty(), Role.MODERATOR,
                                Affiliation.OWNER),
                        new Occupant("Bob", Optional.empty(), Optional.empty(), Role.PARTICIPANT, Affiliation.NONE)),
                declared, Set.of(), new RoomConfigCheck(Optional.of(AT), List.of("moderated=false"), Optional.of(AT),
                        List.of(), Optional.empty()), List.of(), AT);
    }

    /** The same room with the server's owner and admin lists as last read. */
    static RoomView withManagers(RoomView room, Set<String> managers) {
        return new RoomView(room.status(), room.title(), room.subject(), room.occupants(), room.declared(), managers,
                room.configuration(), room.overlays(), room.lastActivity());
    }
}
