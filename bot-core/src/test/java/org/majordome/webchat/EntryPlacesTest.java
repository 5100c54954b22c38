package org.majordome.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A surge of visitors queues for the places to enter a room instead of all logging in and joining at once. */
class EntryPlacesTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void aVisitorBeyondThePlacesWaitsUntilAnEntryIsOver() throws Exception {
        EntryPlaces<String> places = new EntryPlaces<>(2, timer, Duration.ofHours(1));
        places.take("ann");
        places.take("bob");
        CompletableFuture<Void> carol = CompletableFuture.runAsync(() -> take(places, "carol"));

        assertThat(carol).isNotDone();
        places.giveBack("ann");
        await().atMost(Duration.ofSeconds(30)).until(carol::isDone);
        assertThat(places.free()).isZero();
    }

    @Test
    void givingBackTwiceOrTakingTwiceHoldsOnePlace() throws Exception {
        EntryPlaces<String> places = new EntryPlaces<>(2, timer, Duration.ofHours(1));
        places.take("ann");
        places.take("ann");
        assertThat(places.free()).isEqualTo(1);
        places.giveBack("ann");
        places.giveBack("ann");
        assertThat(places.free()).isEqualTo(2);
    }

    @Test
    void anEntryTheRoomNeverAnswersGivesItsPlaceBackAfterTheTimeout() throws Exception {
        EntryPlaces<String> places = new EntryPlaces<>(1, timer, Duration.ofMillis(200));
        places.take("ann");
        assertThat(places.free()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> places.free() == 1);
    }

    private static void take(EntryPlaces<String> places, String who) {
        try {
            places.take(who);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
