package org.majordome.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** When an instance stops acting in a room, on its monotonic clock (moved by hand here). */
class FenceTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Fence fence = new Fence(nanos::get, Duration.ofSeconds(3));

    @Test
    void anInstanceActsInARoomUntilActForAfterTheRenewalWasSent() {
        long sentAt = fence.now();
        advance(Duration.ofMillis(400)); // the statement took a while: the lease started after it was sent
        fence.renewed(Set.of("room@muc"), sentAt);

        advance(Duration.ofMillis(2599));
        assertThat(fence.mayAct("room@muc")).isTrue();
        advance(Duration.ofMillis(1));
        assertThat(fence.mayAct("room@muc")).as("3 s after the renewal was sent, not after it came back").isFalse();
        assertThat(fence.acting()).isEmpty();
        assertThat(fence.holds("room@muc")).as("still held as far as it knows, only not acted in").isTrue();
    }

    @Test
    void eachRenewalStartsTheCountAgain() {
        fence.took("room@muc", fence.now());
        advance(Duration.ofSeconds(2));
        fence.renewed(Set.of("room@muc"), fence.now());
        advance(Duration.ofSeconds(2));

        assertThat(fence.mayAct("room@muc")).isTrue();
    }

    @Test
    void aRoomTheRenewalDidNotRenewIsLostAtOnce() {
        fence.took("room1@muc", fence.now());
        fence.took("room2@muc", fence.now());

        fence.renewed(Set.of("room2@muc"), fence.now());

        assertThat(fence.mayAct("room1@muc")).isFalse();
        assertThat(fence.holds("room1@muc")).isFalse();
        assertThat(fence.acting()).containsExactly("room2@muc");
    }

    @Test
    void aDroppedRoomStopsAtOnceAndARoomNeverTakenWasNeverActedIn() {
        fence.took("room@muc", fence.now());
        fence.drop("room@muc");

        assertThat(fence.mayAct("room@muc")).isFalse();
        assertThat(fence.mayAct("other@muc")).isFalse();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
