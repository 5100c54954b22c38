package org.majordome.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.majordome.cluster.ClusterView;
import org.majordome.dispatch.DispatchStats;
import org.majordome.room.RoomKeeper;
import org.majordome.xmpp.XmppSession;

class BotMetricsTest {

    /**
     * Micrometer holds a function counter's state object weakly: the dispatch counters once read the
     * dispatcher through a lambda nothing else referenced, so after the first garbage collection every
     * {@code majordome_dispatch_*}, {@code majordome_plugin_*} and {@code majordome_commands_*} meter read 0
     * for good (found by the soak harness).
     */
    @Test
    void dispatchCountersStillReadTheDispatcherAfterAGarbageCollection() {
        DispatchStats stats = new DispatchStats(11, 2, 10, 3, 4, 1, 5, 6, 7, 8);
        try (BotMetrics metrics = new BotMetrics(mock(RoomKeeper.class), mock(XmppSession.class), () -> stats)) {
            WeakReference<Object> collected = new WeakReference<>(new Object());
            await("a garbage collection").atMost(Duration.ofSeconds(60)).until(() -> {
                System.gc();
                return collected.get() == null;
            });

            assertThat(metrics.scrape())
                    .contains("majordome_dispatch_events_accepted_total 11.0")
                    .contains("majordome_dispatch_events_shed_total 2.0")
                    .contains("majordome_dispatch_events_dispatched_total 10.0")
                    .contains("majordome_plugin_errors_total 3.0")
                    .contains("majordome_plugin_timeouts_total 4.0")
                    .contains("majordome_commands_run_total 5.0")
                    .contains("majordome_commands_refused_total 6.0")
                    .contains("majordome_commands_rate_limited_total 7.0")
                    .contains("majordome_plugin_calls_skipped_total 8.0");
        }
    }

    /** Issue 21 item 6: the metrics say which rooms this instance holds, and follow the leases as they move. */
    @Test
    void anInstanceOfAClusterCountsAndNamesTheRoomsItActsInAndTheLiveInstances() {
        java.util.concurrent.atomic.AtomicReference<ClusterView> view = new java.util.concurrent.atomic.AtomicReference<>(
                new ClusterView("a", Set.of("r1@muc", "r2@muc"), true, List.of(
                        new ClusterView.Member("a", Instant.EPOCH, List.of("r1@muc", "r2@muc")),
                        new ClusterView.Member("b", Instant.EPOCH, List.of())), Set.of()));
        DispatchStats stats = new DispatchStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        try (BotMetrics metrics = new BotMetrics(mock(RoomKeeper.class), mock(XmppSession.class), () -> stats,
                Optional.of(view::get))) {
            assertThat(metrics.scrape())
                    .contains("majordome_cluster_rooms_acting 2.0")
                    .contains("majordome_cluster_instances_live 2.0")
                    .contains("majordome_cluster_renewing 1.0")
                    .contains("majordome_cluster_room_acting{room=\"r1@muc\"} 1.0")
                    .contains("majordome_cluster_room_acting{room=\"r2@muc\"} 1.0");

            view.set(new ClusterView("a", Set.of("r2@muc"), false, List.of(), Set.of()));
            assertThat(metrics.scrape())
                    .contains("majordome_cluster_rooms_acting 1.0")
                    .contains("majordome_cluster_renewing 0.0")
                    .contains("majordome_cluster_room_acting{room=\"r2@muc\"} 1.0")
                    .doesNotContain("room=\"r1@muc\"");
        }
    }

    @Test
    void aBotThatRunsAloneHasNoClusterMeters() {
        DispatchStats stats = new DispatchStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        try (BotMetrics metrics = new BotMetrics(mock(RoomKeeper.class), mock(XmppSession.class), () -> stats)) {
            assertThat(metrics.scrape()).doesNotContain("majordome_cluster");
        }
    }
}
