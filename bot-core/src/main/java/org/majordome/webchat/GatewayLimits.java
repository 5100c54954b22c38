package org.majordome.webchat;

import java.util.HashMap;
import java.util.Map;

import org.majordome.config.WebChatSettings;

/**
 * How many visitors the gateway takes at once: sockets per client address, visitors in one room, visitors in all
 * rooms (each visitor in a room is one XMPP session, so that is also the cap on the sessions the gateway opens).
 * A visitor over a limit is told the chat is full; nobody is queued.
 */
final class GatewayLimits {

    private final WebChatSettings settings;
    private final Map<String, Integer> sockets = new HashMap<>();
    private final Map<String, Integer> inRoom = new HashMap<>();
    private int visitors;

    GatewayLimits(WebChatSettings settings) {
        this.settings = settings;
    }

    /** Takes one socket for {@code addressHash}; false when that address has its share already. */
    synchronized boolean openSocket(String addressHash) {
        int now = sockets.getOrDefault(addressHash, 0);
        if (now >= settings.sessionsPerAddress()) {
            return false;
        }
        sockets.put(addressHash, now + 1);
        return true;
    }

    synchronized void closeSocket(String addressHash) {
        sockets.computeIfPresent(addressHash, (key, count) -> count <= 1 ? null : count - 1);
    }

    /** Takes a place in {@code room} (and one XMPP session); false when the room or the gateway is full. */
    synchronized boolean enter(String room) {
        int here = inRoom.getOrDefault(room, 0);
        if (here >= settings.visitorsPerRoom() || visitors >= settings.visitors()) {
            return false;
        }
        inRoom.put(room, here + 1);
        visitors++;
        return true;
    }

    /** Gives back a place {@link #enter} took. */
    synchronized void leave(String room) {
        inRoom.computeIfPresent(room, (key, count) -> count <= 1 ? null : count - 1);
        visitors = Math.max(0, visitors - 1);
    }

    synchronized int visitors() {
        return visitors;
    }

    synchronized int visitorsIn(String room) {
        return inRoom.getOrDefault(room, 0);
    }
}
