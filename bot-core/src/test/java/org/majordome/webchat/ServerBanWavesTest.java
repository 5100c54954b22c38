package org.majordome.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The visitors one server-side ban of the shared account removed: a client bans the account's bare JID and the
 * server removes every visitor then in, so banning each one removed would ban every visitor.
 */
class ServerBanWavesTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private static ServerBanWaves.Hit hit(String resource) {
        return new ServerBanWaves.Hit(resource, new Visitor.Identity(resource + "-id", "hash"), "none", "Boss", "spam");
    }

    @Test
    void removalsOfOneBanAreGroupedPerRoomAndALaterBanIsAnotherWave() throws Exception {
        ServerBanWaves waves = new ServerBanWaves(timer, Duration.ofMillis(300));
        CompletableFuture<List<ServerBanWaves.Hit>> first = waves.add("lobby@conference.example.org", hit("a"));
        CompletableFuture<List<ServerBanWaves.Hit>> second = waves.add("lobby@conference.example.org", hit("b"));
        CompletableFuture<List<ServerBanWaves.Hit>> elsewhere = waves.add("annex@conference.example.org", hit("c"));

        assertThat(first.get(30, TimeUnit.SECONDS)).extracting(ServerBanWaves.Hit::resource).containsExactly("a", "b");
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(first.get());
        assertThat(elsewhere.get(30, TimeUnit.SECONDS)).extracting(ServerBanWaves.Hit::resource).containsExactly("c");

        CompletableFuture<List<ServerBanWaves.Hit>> later = waves.add("lobby@conference.example.org", hit("d"));
        assertThat(later.get(30, TimeUnit.SECONDS)).extracting(ServerBanWaves.Hit::resource).containsExactly("d");
    }
}
