package org.majordome.webchat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The places for visitors entering a room at once ({@code joins-at-once}), each held from the visitor's login to the
 * room's answer. A surge of visitors queues here, in arrival order, instead of taking the server and the bot from
 * the rooms they keep: with 16 entering at once the bot's kicks in another room were 20 times slower (RESULTS §14).
 *
 * @param <T> who enters (a visitor): holds at most one place at a time
 */
final class EntryPlaces<T> {

    private final Semaphore places;
    private final Set<T> entering = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final Duration timeout;

    /**
     * @param timeout the longest one entry holds its place: a room that never answers must not stop the queue behind
     */
    EntryPlaces(int places, ScheduledExecutorService timer, Duration timeout) {
        this.places = new Semaphore(places, true);
        this.timer = timer;
        this.timeout = timeout;
    }

    /** Waits for a place (none taken when interrupted); one who already holds one keeps it and takes no other. */
    void take(T who) throws InterruptedException {
        places.acquire();
        if (!entering.add(who)) {
            places.release();
            return;
        }
        timer.schedule(() -> giveBack(who), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The entry is over (in the room, refused, gone): the place goes to the next. Giving back twice is harmless. */
    void giveBack(T who) {
        if (entering.remove(who)) {
            places.release();
        }
    }

    /** Places free now. */
    int free() {
        return places.availablePermits();
    }
}
