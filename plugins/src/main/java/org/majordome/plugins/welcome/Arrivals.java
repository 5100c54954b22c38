package org.majordome.plugins.welcome;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What the plugin remembers about the joins of one room between events: the recent joins (to tell a flood), the
 * flood under way, and the greetings waiting to be coalesced. Not thread-safe: callers hold its monitor.
 */
final class Arrivals {

    /** A greeting ready to go to {@code nick}, waiting for more joins. */
    record Greeting(String nick, String text) { }

    private final Deque<Instant> recentJoins = new ArrayDeque<>();
    private final List<Greeting> waiting = new ArrayList<>();
    private boolean flooding;
    private int ungreeted;

    /**
     * Counts a join; true when it is part of a flood and must not be greeted on its own. The greetings still
     * waiting when a flood starts join the flood: its one summary counts them.
     */
    boolean countJoin(Instant now, WelcomeConfig settings) {
        recentJoins.addLast(now);
        Instant windowStart = now.minus(settings.floodWindow());
        while (!recentJoins.isEmpty() && !recentJoins.peekFirst().isAfter(windowStart)) {
            recentJoins.removeFirst();
        }
        if (flooding || recentJoins.size() > settings.floodJoins()) {
            flooding = true;
            ungreeted += 1 + waiting.size();
            waiting.clear();
            return true;
        }
        return false;
    }

    boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    void await(Greeting greeting) {
        waiting.add(greeting);
    }

    /** The greetings that waited, oldest first; none wait any more. */
    List<Greeting> takeWaiting() {
        List<Greeting> taken = List.copyOf(waiting);
        waiting.clear();
        return taken;
    }

    /** How many joined during the flood without a greeting; the room is calm again. */
    int endFlood() {
        int count = ungreeted;
        flooding = false;
        ungreeted = 0;
        recentJoins.clear();
        return count;
    }
}
