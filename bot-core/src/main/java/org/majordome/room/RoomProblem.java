package org.majordome.room;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.majordome.api.text.Wording;
import org.majordome.text.TextService;
import org.majordome.text.Worded;

/**
 * Why a kept room is not as it should be (the last problem of its {@link RoomStatus}), as a text of the runtime's
 * bundle ({@code room.problem.*}) and its arguments: the status command and the console word it in their reader's
 * language, the log in English ({@link #toString()}). What the server said (a kick's reason, an error's condition
 * and text) is an argument, quoted as it came.
 *
 * @param kind what went wrong
 * @param args the text's arguments, the server's words among them
 */
public record RoomProblem(Kind kind, List<Object> args) {

    private static final Wording ENGLISH = TextService.runtimeWording(Locale.ENGLISH, ZoneOffset.UTC);

    public RoomProblem {
        Objects.requireNonNull(kind, "kind");
        args = List.copyOf(args);
    }

    public static RoomProblem of(Kind kind, Object... args) {
        return new RoomProblem(kind, Arrays.asList(args));
    }

    /** Kicked, with the room's reason when it gave one. */
    static RoomProblem kicked(String reason) {
        return reason.isEmpty() ? of(Kind.KICKED) : of(Kind.KICKED_FOR, reason);
    }

    /** Banned while in the room, with the room's reason when it gave one. */
    static RoomProblem bannedByRoom(String reason) {
        return reason.isEmpty() ? of(Kind.BANNED_BY_ROOM) : of(Kind.BANNED_BY_ROOM_FOR, reason);
    }

    /** The problem in that wording's language; an argument worded itself (no reason given) is worded in it too. */
    public String in(Wording words) {
        return words.format(kind.key(), args.stream().map(arg -> arg instanceof Worded inner ? inner.in(words) : arg)
                .toArray());
    }

    /** In English, for the log. */
    @Override
    public String toString() {
        return in(ENGLISH);
    }

    /** What went wrong; each has its text {@code room.problem.<kind in kebab case>}. */
    public enum Kind {
        /** The session was replaced: the server forgot the membership. */
        CONNECTION_LOST,
        /** The stream dropped; the session may still be resumed. */
        WAITING_TO_RESUME,
        NOT_CONNECTED,
        /** In, under a fallback nick: {0} the nick. */
        FALLBACK_NICK,
        /** The self-ping found the bot no longer counted in. */
        MEMBERSHIP_LOST,
        ROOM_DESTROYED,
        BANNED,
        KICKED,
        /** {0} the room's reason. */
        KICKED_FOR,
        BANNED_BY_ROOM,
        /** {0} the room's reason. */
        BANNED_BY_ROOM_FOR,
        /** A join refused as banned: {0} the server's condition and text. */
        JOIN_BANNED,
        /** Out for another status: {0} the statuses. */
        REMOVED,
        /** {0} seconds waited. */
        JOIN_TIMEOUT,
        /** {0} the nick, {1} how many fallbacks. */
        NICKS_TAKEN,
        /** The join refusals (XEP-0045 §7.2.6-§7.2.11): {0} the server's condition and text. */
        MEMBERS_ONLY,
        WRONG_PASSWORD,
        CREATION_REFUSED,
        TOMBSTONE,
        NO_SUCH_ROOM,
        UNAVAILABLE,
        JOIN_REFUSED;

        /** Its text in the runtime's bundle. */
        public String key() {
            return "room.problem." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
