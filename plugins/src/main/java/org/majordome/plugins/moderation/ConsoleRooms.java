package org.majordome.plugins.moderation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.majordome.api.PluginContext;
import org.majordome.api.TimeText;
import org.majordome.api.console.ConsoleQuery;

/** The rooms the console's sections read (kept now, or with cases from before), and their times as people read them. */
final class ConsoleRooms {

    private final PluginContext<ModerationConfig> context;
    private final CaseBook book;

    ConsoleRooms(PluginContext<ModerationConfig> context, CaseBook book) {
        this.context = context;
        this.book = book;
    }

    /** The rooms with records that the operator may see. */
    List<String> visible(ConsoleQuery query) {
        Set<String> rooms = new LinkedHashSet<>();
        context.rooms().all().forEach(room -> rooms.add(room.roomJid()));
        rooms.addAll(book.knownRooms());
        return rooms.stream().filter(query::visible).toList();
    }

    /** A moment in the room's zone, or in UTC for a room no longer kept (the zone is named either way). */
    String time(String room, Instant instant) {
        return context.rooms().room(room).map(handle -> handle.timeText(instant))
                .orElseGet(() -> TimeText.moment(instant, ZoneOffset.UTC));
    }

    /** Whether a room filter names this room: its JID, or its local part, or a piece of it, any case. */
    static boolean names(String filter, String room) {
        return room.toLowerCase(Locale.ROOT).contains(filter.trim().toLowerCase(Locale.ROOT));
    }

    /** How the bot writes a case: {@code lobby#12}. */
    static String caseName(String room, long number) {
        return room.split("@", 2)[0] + "#" + number;
    }
}
