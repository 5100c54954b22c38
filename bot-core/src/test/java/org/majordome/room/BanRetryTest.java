package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import org.jivesoftware.smackx.muc.MUCAffiliation;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.majordome.testing.CapturedLog;

/**
 * The back-off of a banned bot (issue: a bot banned from a kept room never tried again, even once the ban was
 * lifted), on a hand-run timer: no test waits for a real one.
 */
class BanRetryTest {

    private static final String ROOM = "lobby@conference.localhost";
    private static final Duration CEILING = Duration.ofMinutes(5);
    /** The top of each jitter range, so that the waits are exact. */
    private static final RandomGenerator NO_JITTER = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    private final List<Scheduled> scheduled = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final List<String> notices = new ArrayList<>();

    /** A notice as an English bot writes it. */
    private void told(AdminNotice notice) {
        notices.add(notice.in(org.majordome.text.TextService.runtimeWording(java.util.Locale.ENGLISH,
                java.time.ZoneOffset.UTC)));
    }
    private BanRetry retry;

    private record Scheduled(Runnable task, Duration delay, ScheduledFuture<?> future) {
    }

    @BeforeEach
    void setUp() {
        ScheduledExecutorService timer = mock(ScheduledExecutorService.class);
        doAnswer(call -> {
            ScheduledFuture<?> future = mock(ScheduledFuture.class);
            scheduled.add(new Scheduled(call.getArgument(0),
                    Duration.ofMillis(call.<TimeUnit>getArgument(2).toMillis(call.<Long>getArgument(1))), future));
            return future;
        }).when(timer).schedule(any(Runnable.class), anyLong(), any(TimeUnit.class));
        retry = new BanRetry(ROOM, CEILING, NO_JITTER, timer, attempts::incrementAndGet, this::told);
    }

    @Test
    void aBannedBotTriesAgainWithWaitsThatDoubleUpToTheCeiling() {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(retry.refused("forbidden"));
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(120), Duration.ofSeconds(240), CEILING, CEILING, CEILING);
        assertThat(scheduled).extracting(Scheduled::delay).isEqualTo(waits);
        assertThat(retry.banned()).isTrue();
    }

    @Test
    void theScheduledAttemptTriesToJoinAgain() {
        retry.refused("forbidden");

        scheduled.getLast().task().run();

        assertThat(attempts).hasValue(1);
    }

    @Test
    void aNewRefusalReplacesTheAttemptScheduledBefore() {
        retry.refused("forbidden");
        ScheduledFuture<?> first = scheduled.getFirst().future();

        retry.refused("forbidden");

        verify(first).cancel(false);
    }

    @Test
    void theFirstWaitIsTheCeilingWhenTheCeilingIsShorter() {
        BanRetry quick = new BanRetry(ROOM, Duration.ofSeconds(2), NO_JITTER, mock(ScheduledExecutorService.class),
                () -> { }, this::told);

        assertThat(quick.refused("forbidden")).isEqualTo(Duration.ofSeconds(2));
        assertThat(quick.refused("forbidden")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void anAdministratorsRequestStartsTheWaitsOver() {
        retry.refused("forbidden");
        retry.refused("forbidden");
        retry.refused("forbidden");

        retry.startOver();

        assertThat(retry.refused("forbidden")).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aBanIsAnErrorOnceAndTheRefusedAttemptsAfterItAreNot() {
        try (CapturedLog log = CapturedLog.of("org.majordome.room")) {
            for (int i = 0; i < 5; i++) {
                retry.refused("forbidden: You have been banned from this room");
            }

            assertThat(log.lines()).filteredOn(line -> line.startsWith("ERROR")).singleElement().asString()
                    .contains(ROOM, "BANNED", "until the ban is lifted");
            assertThat(log.lines()).noneMatch(line -> line.startsWith("WARN"));
        }
    }

    @Test
    void comingBackWithoutOwnershipIsSaidOnceInTheLogAndToTheAdministrators() {
        try (CapturedLog log = CapturedLog.of("org.majordome.room")) {
            for (int i = 0; i < 4; i++) {
                retry.refused("forbidden");
            }

            assertThat(retry.joined(self(MUCAffiliation.none))).isTrue();
            // The next joins (a new session, a kick) are not news about the ban.
            assertThat(retry.joined(self(MUCAffiliation.none))).isFalse();

            assertThat(notices).singleElement().asString().contains(ROOM, "ban was lifted", "none", "owner");
            assertThat(log.lines()).filteredOn(line -> line.startsWith("WARN")).singleElement().asString()
                    .contains(ROOM, "not owner");
        }
        assertThat(retry.banned()).isFalse();
        verify(scheduled.getLast().future()).cancel(false);
    }

    @Test
    void comingBackAsOwnerTellsTheAdministratorsNothing() {
        retry.refused("forbidden");

        retry.joined(self(MUCAffiliation.owner));

        assertThat(notices).isEmpty();
    }

    @Test
    void aJoinWithoutABanBeforeTellsTheAdministratorsNothing() {
        assertThat(retry.joined(self(MUCAffiliation.none))).isFalse();

        assertThat(notices).isEmpty();
    }

    @Test
    void theWaitsStartOverAfterTheBotIsBackIn() {
        retry.refused("forbidden");
        retry.refused("forbidden");
        retry.joined(self(MUCAffiliation.owner));

        assertThat(retry.refused("forbidden")).isEqualTo(Duration.ofSeconds(15));
    }

    private static MUCUser self(MUCAffiliation affiliation) {
        MUCUser muc = new MUCUser();
        muc.setItem(new MUCItem(affiliation));
        return muc;
    }
}
