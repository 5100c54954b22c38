package org.majordome.console;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The per-room check every page makes on the server, for what it shows and for what it does: never trust that a
 * link was hidden. A page calls {@link #require} before reading or acting on a room named in the request, and
 * {@link #visible} to keep only the operator's rooms in a list.
 */
public final class RoomAccess {

    private RoomAccess() {
    }

    /**
     * Refuses (403), in the request's language, a room the operator may not manage. The message does not say whether the room exists: a room
     * owner learns nothing about the rooms of others.
     */
    public static void require(ConsoleRequest request, String roomJid) throws ConsoleDenied {
        if (roomJid == null || !request.operator().mayManage(roomJid)) {
            throw new ConsoleDenied(403, request.text("console.access.room"));
        }
    }

    /** {@link #require} for an optional room filter ({@code ?room=}): no filter, nothing to check. */
    public static void requireIfGiven(ConsoleRequest request, java.util.Optional<String> roomJid) throws ConsoleDenied {
        if (roomJid.isPresent()) {
            require(request, roomJid.get());
        }
    }

    /** Refuses (403) anyone but a bot admin: for pages about the whole bot (its configuration). */
    public static void requireBotAdmin(ConsoleRequest request) throws ConsoleDenied {
        if (!request.operator().botAdmin()) {
            throw new ConsoleDenied(403, request.text("console.access.bot-admin"));
        }
    }

    /** The items whose room the operator may manage, in their order. */
    public static <T> List<T> visible(Operator operator, Collection<T> items, Function<T, String> roomOf) {
        return items.stream().filter(item -> operator.mayManage(roomOf.apply(item))).toList();
    }
}
