package org.majordome.room;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.majordome.api.event.Affiliation;
import org.majordome.api.event.Occupant;

/**
 * One kept room as a status page shows it: a snapshot of what the room package knows now, read without asking
 * the server.
 *
 * @param status        joined or not, since when, the last problem, the declared affiliations the server refused
 * @param title         the configured title
 * @param subject       the subject as last seen
 * @param occupants     the occupants besides the bot, as last seen
 * @param declared      the affiliations the configuration declares, by bare JID, in the file's order
 * @param managers      the bare JIDs the server's owner and admin lists held at the last read (read whether or not
 *                      the room declares affiliations), besides the declared ones
 * @param configuration what the last configuration check found (drift, repairs, refusals)
 * @param overlays      the configuration overlays in force (a lockdown), each in words
 * @param lastActivity  when the room last sent the bot anything (a message, a presence, an answer)
 */
public record RoomView(RoomStatus status, Optional<String> title, Optional<String> subject, List<Occupant> occupants,
                       Map<String, Affiliation> declared, Set<String> managers, RoomConfigCheck configuration,
                       List<String> overlays, Instant lastActivity) {

    public RoomView {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subject, "subject");
        occupants = List.copyOf(occupants);
        declared = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(declared));
        managers = Set.copyOf(managers);
        Objects.requireNonNull(configuration, "configuration");
        overlays = List.copyOf(overlays);
        Objects.requireNonNull(lastActivity, "lastActivity");
    }

    /** The room's bare JID. */
    public String jid() {
        return status.roomJid();
    }

    /**
     * Whether this bare JID owns or administers the room: declared owner or admin in the configuration, or on the
     * server's lists at the last read.
     */
    public boolean managedBy(String bareJid) {
        Affiliation declaredAs = declared.get(bareJid);
        return declaredAs == Affiliation.OWNER || declaredAs == Affiliation.ADMIN || managers.contains(bareJid);
    }
}
