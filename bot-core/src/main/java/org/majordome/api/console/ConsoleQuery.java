package org.majordome.api.console;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the operator asked a section's list for.
 *
 * @param filters      the filters' values by {@link ConsoleFilter#name()}; filters left empty are absent
 * @param visibleRooms the bare JIDs of the rooms the operator may see; ignored when {@code allRooms}
 * @param allRooms     the operator is a bot admin and sees every room
 * @param limit        the most rows the console shows
 * @param language     the operator's language (from the browser), for the texts of the cells a section writes itself
 */
public record ConsoleQuery(Map<String, String> filters, Set<String> visibleRooms, boolean allRooms, int limit,
                           Locale language) {

    public ConsoleQuery {
        filters = Map.copyOf(filters);
        visibleRooms = Set.copyOf(visibleRooms);
        language = language == null ? Locale.ENGLISH : language;
    }

    /** A query in English. */
    public ConsoleQuery(Map<String, String> filters, Set<String> visibleRooms, boolean allRooms, int limit) {
        this(filters, visibleRooms, allRooms, limit, Locale.ENGLISH);
    }

    /** A filter's value, when it was given. */
    public Optional<String> filter(String name) {
        return Optional.ofNullable(filters.get(name)).filter(value -> !value.isBlank());
    }

    /** Whether the operator may see this room (its bare JID). */
    public boolean visible(String room) {
        return allRooms || visibleRooms.contains(room);
    }
}
