package org.majordome.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Whether this instance may still act in a room: it holds the room's lease and its last successful renewal (or
 * take) was sent less than {@code actFor} ago, measured on this instance's monotonic clock. {@code actFor} is shorter
 * than the lease, and the database started the lease no earlier than the moment the statement was sent, so an
 * instance that cannot renew (database unreachable, process paused) stops acting before any other instance can take
 * the room: there are never two instances acting in one room.
 */
final class Fence {

    private final LongSupplier nanoTime;
    private final long actForNanos;
    /** Held rooms, with the monotonic time the statement that last started their lease was sent. */
    private final Map<String, Long> validFrom = new ConcurrentHashMap<>();

    /** @param nanoTime a monotonic clock ({@code System::nanoTime}; a hand-moved one in tests) */
    Fence(LongSupplier nanoTime, Duration actFor) {
        this.nanoTime = nanoTime;
        this.actForNanos = actFor.toNanos();
    }

    /** Now, on the fence's clock: take it before sending the statement whose success is then reported. */
    long now() {
        return nanoTime.getAsLong();
    }

    /** A renewal sent at {@code sentAt} renewed exactly these rooms: any other held room is lost. */
    void renewed(Set<String> rooms, long sentAt) {
        validFrom.keySet().retainAll(rooms);
        rooms.forEach(room -> validFrom.put(room, sentAt));
    }

    /** A take sent at {@code sentAt} succeeded. */
    void took(String room, long sentAt) {
        validFrom.put(room, sentAt);
    }

    /** The room is given up (or about to be): stop acting in it now. */
    void drop(String room) {
        validFrom.remove(room);
    }

    /** Whether this instance holds the room's lease, as far as it knows. */
    boolean holds(String room) {
        return validFrom.containsKey(room);
    }

    /** Whether this instance may act in the room now. */
    boolean mayAct(String room) {
        Long from = validFrom.get(room);
        return from != null && nanoTime.getAsLong() - from < actForNanos;
    }

    /** The held rooms, acting or not. */
    Set<String> held() {
        return new TreeSet<>(validFrom.keySet());
    }

    /** The rooms this instance may act in now, sorted. */
    Set<String> acting() {
        Set<String> acting = new TreeSet<>();
        long now = nanoTime.getAsLong();
        validFrom.forEach((room, from) -> {
            if (now - from < actForNanos) {
                acting.add(room);
            }
        });
        return acting;
    }
}
