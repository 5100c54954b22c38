package org.majordome.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.majordome.room.RoomKeeper;
import org.majordome.room.RoomStatus;
import org.majordome.xmpp.XmppSession;

/** Issue 16 item 1: readiness data name the declared affiliations the server refused, without failing readiness. */
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
}
