package org.majordome.api;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Moments as people read them in a chat: the date and time to the minute in a given zone, followed by the
 * zone's name, e.g. {@code 2026-12-06 23:01 CET}, never the raw {@code 2026-12-06T22:01:46.931277511Z}. Give
 * it the zone of the room the text is for ({@link org.majordome.api.room.RoomHandle#timeZone()}), so that
 * every plugin shows times the same way and says in which zone they are.
 */
public final class TimeText {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm zzz", Locale.ENGLISH);

    private TimeText() {
    }

    /** The moment in that zone, to the minute, with the zone's short name ({@code CET}, {@code UTC}...). */
    public static String moment(Instant instant, ZoneId zone) {
        // A bare offset zone prints "Z" for UTC, which few people read as a zone.
        ZoneId shown = zone.equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
        return MOMENT.format(instant.atZone(shown));
    }
}
