package org.majordome.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.majordome.api.event.BotEvent;
import org.majordome.api.event.OccupantAffiliationChangedEvent;
import org.majordome.api.event.OccupantBannedEvent;
import org.majordome.api.event.OccupantKickedEvent;
import org.majordome.api.event.OccupantRoleChangedEvent;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.intake.EventSink;
import org.majordome.store.ActivityTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts each room's messages and moderation actions per hour as the events arrive (in memory: an event costs an
 * increment, never a write), and adds the counts to the {@link ActivityTable} every minute and at {@link #close()}.
 * Reads give the stored counts plus those not written yet. A write that fails keeps the counts for the next one.
 */
public final class ActivityCounter implements EventSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActivityCounter.class);
    private static final Duration FLUSH_EVERY = Duration.ofMinutes(1);

    private record Key(String room, long epochHour) {
    }

    /** Counts as values: each event replaces its key's counts atomically, so a flush that removes a key takes it whole. */
    private record Counts(long messages, long actions) {
        static final Counts MESSAGE = new Counts(1, 0);
        static final Counts ACTION = new Counts(0, 1);

        Counts plus(Counts other) {
            return new Counts(messages + other.messages, actions + other.actions);
        }
    }

    private final ActivityTable table;
    private final Clock clock;
    private final ScheduledExecutorService flusher;
    private final Object flushLock = new Object();
    /*
     * One map for the bot's whole life: an event merges into it and a flush removes each key it writes, both atomic
     * per key. (A flush that swapped in a new map lost the events of a thread that had read the old map but had not
     * incremented yet.)
     */
    private final ConcurrentHashMap<Key, Counts> pending = new ConcurrentHashMap<>();

    /** @param flushing whether to write every minute on a thread of its own (tests call {@link #flush()}) */
    public ActivityCounter(ActivityTable table, Clock clock, boolean flushing) {
        this.table = table;
        this.clock = clock;
        if (flushing) {
            flusher = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("activity-flush").daemon(true).factory());
            flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_EVERY.toMillis(), FLUSH_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            flusher = null;
        }
    }

    /** Whole hours since the epoch of a moment. */
    public static long epochHour(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 3600);
    }

    @Override
    public void accept(BotEvent event) {
        switch (event) {
            case RoomMessageReceivedEvent message -> count(message.roomJid(), Counts.MESSAGE);
            case OccupantKickedEvent kicked -> count(kicked.roomJid(), Counts.ACTION);
            case OccupantBannedEvent banned -> count(banned.roomJid(), Counts.ACTION);
            case OccupantRoleChangedEvent role -> count(role.roomJid(), Counts.ACTION);
            case OccupantAffiliationChangedEvent affiliation -> count(affiliation.roomJid(), Counts.ACTION);
            default -> {
                // Joins, leaves and the rest are not what the chart shows.
            }
        }
    }

    private void count(String room, Counts one) {
        pending.merge(new Key(room, epochHour(clock.instant())), one, Counts::plus);
    }

    /** Writes what was counted since the last write; kept for the next one when the database refuses. */
    public void flush() {
        synchronized (flushLock) {
            Map<Key, Counts> taken = new HashMap<>();
            for (Key key : pending.keySet()) {
                Counts counts = pending.remove(key);
                if (counts != null) {
                    taken.put(key, counts);
                }
            }
            List<ActivityTable.Row> rows = new ArrayList<>();
            taken.forEach((key, counts) -> rows.add(new ActivityTable.Row(key.room(), key.epochHour(),
                    counts.messages(), counts.actions())));
            try {
                table.add(rows);
            } catch (RuntimeException e) {
                taken.forEach((key, counts) -> pending.merge(key, counts, Counts::plus));
                throw e;
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Could not store the activity counters (kept for the next try): {}", e.toString());
        }
    }

    /** Each room's counts from that hour on, stored and not yet stored together, by hour. */
    public List<ActivityTable.Row> since(long fromEpochHour) {
        Map<Key, long[]> sums = new HashMap<>();
        synchronized (flushLock) {
            for (ActivityTable.Row row : table.since(fromEpochHour)) {
                long[] sum = sums.computeIfAbsent(new Key(row.roomJid(), row.epochHour()), key -> new long[2]);
                sum[0] += row.messages();
                sum[1] += row.actions();
            }
            pending.forEach((key, counts) -> {
                if (key.epochHour() >= fromEpochHour) {
                    long[] sum = sums.computeIfAbsent(key, again -> new long[2]);
                    sum[0] += counts.messages();
                    sum[1] += counts.actions();
                }
            });
        }
        List<ActivityTable.Row> rows = new ArrayList<>();
        sums.forEach((key, sum) -> rows.add(new ActivityTable.Row(key.room(), key.epochHour(), sum[0], sum[1])));
        rows.sort(java.util.Comparator.comparingLong(ActivityTable.Row::epochHour).thenComparing(ActivityTable.Row::roomJid));
        return rows;
    }

    /** Stops the minute's writes and writes what is left. */
    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdown();
        }
        flushQuietly();
    }
}
