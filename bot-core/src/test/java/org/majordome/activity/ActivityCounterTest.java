package org.majordome.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.MessageStanza;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.OccupantKickedEvent;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.store.ActivityTable;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;

/** The activity counters: per room and hour, and kept across a restart (a new counter on the same database). */
class ActivityCounterTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final Instant NOON = Instant.parse("2026-12-07T12:30:00Z");

    @TempDir
    Path dataDirectory;

    @Test
    void countsOutliveARestartOfTheBot() {
        Clock clock = Clock.fixed(NOON, ZoneOffset.UTC);
        long hour = ActivityCounter.epochHour(NOON);
        try (Database database = Database.open(DatabaseSettings.embedded(dataDirectory))) {
            ActivityCounter counter = new ActivityCounter(new ActivityTable(database), clock, false);
            counter.accept(message());
            counter.accept(message());
            counter.accept(kick());
            assertThat(counter.since(hour)).containsExactly(new ActivityTable.Row(LOBBY, hour, 2, 1));
            counter.close();
        }
        try (Database database = Database.open(DatabaseSettings.embedded(dataDirectory))) {
            ActivityCounter restarted = new ActivityCounter(new ActivityTable(database), clock, false);
            restarted.accept(message());
            assertThat(restarted.since(hour)).containsExactly(new ActivityTable.Row(LOBBY, hour, 3, 1));
            restarted.flush();
            assertThat(new ActivityTable(database).since(hour)).containsExactly(new ActivityTable.Row(LOBBY, hour, 3, 1));
        }
    }

    /**
     * The bug: an event whose thread had found the counts of the minute just before the flush took them, and
     * incremented them just after, was counted in counts no flush would ever write. Here the event's thread is held
     * (inside the clock) while a flush runs, then let go: its message must reach the table.
     */
    @Test
    void aFlushDuringAnIncrementLosesNothing() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch flushed = new CountDownLatch(1);
        Clock held = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                if (Thread.currentThread().getName().equals("held-event")) {
                    reading.countDown();
                    await(flushed);
                }
                return NOON;
            }
        };
        long hour = ActivityCounter.epochHour(NOON);
        try (Database database = Database.open(DatabaseSettings.embedded(dataDirectory))) {
            ActivityCounter counter = new ActivityCounter(new ActivityTable(database), held, false);
            counter.accept(message());
            Thread event = Thread.ofPlatform().name("held-event").start(() -> counter.accept(message()));
            assertThat(reading.await(60, TimeUnit.SECONDS)).isTrue();
            counter.flush();
            flushed.countDown();
            event.join(60_000);
            counter.flush();
            assertThat(new ActivityTable(database).since(hour)).containsExactly(new ActivityTable.Row(LOBBY, hour, 2, 0));
        }
    }

    /** Many threads count while flushes run back to back: the table ends with exactly every event. */
    @Test
    void concurrentIncrementsDuringFlushesAreAllStored() throws Exception {
        int threads = 4;
        int eachCounts = 5_000;
        long hour = ActivityCounter.epochHour(NOON);
        try (Database database = Database.open(DatabaseSettings.embedded(dataDirectory))) {
            ActivityCounter counter = new ActivityCounter(new ActivityTable(database), Clock.fixed(NOON, ZoneOffset.UTC),
                    false);
            CountDownLatch start = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(threads);
            List<Thread> counting = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                boolean kicks = i % 2 == 1;
                counting.add(Thread.ofPlatform().start(() -> {
                    await(start);
                    for (int n = 0; n < eachCounts; n++) {
                        counter.accept(kicks ? kick() : message());
                    }
                    done.countDown();
                }));
            }
            AtomicBoolean flushedWhileCounting = new AtomicBoolean();
            start.countDown();
            while (done.getCount() > 0) {
                counter.flush();
                flushedWhileCounting.set(true);
            }
            for (Thread thread : counting) {
                thread.join(60_000);
            }
            counter.flush();
            assertThat(flushedWhileCounting).isTrue();
            long expected = (long) threads / 2 * eachCounts;
            assertThat(new ActivityTable(database).since(hour))
                    .containsExactly(new ActivityTable.Row(LOBBY, hour, expected, expected));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let this thread go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Occupant occupant() {
        return new Occupant("alice", Optional.empty(), Optional.empty(), Role.PARTICIPANT, Affiliation.NONE);
    }

    private static RoomMessageReceivedEvent message() {
        return new RoomMessageReceivedEvent(LOBBY, occupant(), MessageStanza.ofBody("hello"), NOON);
    }

    private static OccupantKickedEvent kick() {
        return new OccupantKickedEvent(LOBBY, occupant(), Optional.of("bot"), Optional.of("rude"), NOON);
    }
}
