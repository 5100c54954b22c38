package org.majordome.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.majordome.cluster.ClusterView;
import org.majordome.room.RoomKeeper;
import org.majordome.room.RoomStatus;
import org.majordome.xmpp.XmppSession;

/**
 * Issue 16 item 1: readiness data name the declared affiliations the server refused, without failing readiness. Issue
 * 21 item 6: an instance of a cluster says which rooms it holds.
 */
class HealthReadyTest {

    @Test
    void readinessNamesTheDeclaredAffiliationsThatCouldNotBeApplied() throws Exception {
        XmppSession session = mock(XmppSession.class);
        RoomKeeper rooms = mock(RoomKeeper.class);
        when(session.isOnline()).thenReturn(true);
        when(rooms.status()).thenReturn(List.of(new RoomStatus("lobby@conference.example.org",
                RoomStatus.State.JOINED, "Majordome", 2, Instant.EPOCH, Optional.empty(), true)
                .withUnapplied(List.of("carol@example.org → owner: not-allowed"))));

        try (HealthServer health = new HealthServer("127.0.0.1", 0, session, rooms, () -> "")) {
            HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + health.port() + "/health/ready")).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("READY\nlobby@conference.example.org: not applied: "
                    + "carol@example.org → owner: not-allowed\n");
        }
    }

    /** Issue 21 item 6: an instance of a cluster says which rooms it holds, and lists the cluster. */
    @Test
    void anInstanceOfAClusterSaysWhichRoomsItHoldsAndListsTheCluster() throws Exception {
        XmppSession session = mock(XmppSession.class);
        RoomKeeper rooms = mock(RoomKeeper.class);
        when(session.isOnline()).thenReturn(true);
        when(rooms.status()).thenReturn(List.of(new RoomStatus("r1@muc", RoomStatus.State.JOINED, "Majordome", 0,
                Instant.EPOCH, Optional.empty(), true)));
        Instant now = Instant.parse("2026-12-07T15:30:10Z");
        ClusterView view = new ClusterView("a", Set.of("r1@muc"), true, List.of(
                new ClusterView.Member("a", now.minusSeconds(1), List.of("r1@muc")),
                new ClusterView.Member("b", now.minusSeconds(2), List.of("r2@muc"))), Set.of());

        try (HealthServer health = new HealthServer("127.0.0.1", 0, session, rooms, () -> "", Optional.of(() -> view),
                Clock.fixed(now, ZoneOffset.UTC))) {
            HttpResponse<String> ready = get(health, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("READY\ncluster instance a, acting in 1 room: r1@muc\n");

            HttpResponse<String> cluster = get(health, "/health/cluster");
            assertThat(cluster.statusCode()).isEqualTo(200);
            assertThat(cluster.body()).contains("Cluster: instance a, acting in 1 room",
                    "a (this one): 1 room, last renewal 1.0 s ago: r1@muc", "b: 1 room, last renewal 2.0 s ago: r2@muc");
        }
    }

    @Test
    void aBotThatRunsAloneHasNoClusterPage() throws Exception {
        XmppSession session = mock(XmppSession.class);
        RoomKeeper rooms = mock(RoomKeeper.class);
        try (HealthServer health = new HealthServer("127.0.0.1", 0, session, rooms, () -> "")) {
            assertThat(get(health, "/health/cluster").statusCode()).isEqualTo(404);
        }
    }

    private static HttpResponse<String> get(HealthServer health, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + health.port() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
