package org.majordome.plugins.moderation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.majordome.api.room.RoomHandle;

/**
 * A case as people name it in {@code !appeal}: {@code 12}, {@code #12}, or with its room, {@code lobby#12} or
 * {@code lobby@conference.example.org#12} (case numbers are per room, and a direct message names no room).
 *
 * @param room   the room named, as typed (a bare JID or its local part); empty when none was
 * @param number the case number
 */
record CaseRef(Optional<String> room, long number) {

    static Optional<CaseRef> parse(String text) {
        int hash = text.lastIndexOf('#');
        String room = hash > 0 ? text.substring(0, hash) : "";
        String number = hash >= 0 ? text.substring(hash + 1) : text;
        try {
            long parsed = Long.parseLong(number);
            return parsed > 0 ? Optional.of(new CaseRef(room.isEmpty() ? Optional.empty() : Optional.of(room), parsed))
                    : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** The rooms this reference may mean: those it names, or all of {@code rooms} when it names none. */
    List<RoomHandle> among(Collection<RoomHandle> rooms) {
        return rooms.stream().filter(handle -> room.map(named -> named.equalsIgnoreCase(handle.roomJid())
                || named.equalsIgnoreCase(handle.roomJid().split("@", 2)[0])).orElse(true)).toList();
    }

    /** How the bot writes a case of a room: {@code lobby#12}. */
    static String of(RoomHandle room, long number) {
        return room.roomJid().split("@", 2)[0] + "#" + number;
    }
}
