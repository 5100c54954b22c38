package org.majordome.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.app.RunningBot;
import org.majordome.config.BotConfig;
import org.majordome.config.MonitoringSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.RoomDiscoInfo;
import org.majordome.testing.TestClients;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/** Health and metrics over HTTP while the server goes away and comes back. */
@Proves(Feature.MONITORING)
@ClassTemplate
class MonitoringIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    /** Generous timeouts: a slow answer on a loaded machine would fail the waits below, which do not ignore errors. */
    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readinessFollowsTheServerAndMetricsCountTheReconnection(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("health");
        BotConfig base = BotUnderTest.builder(servers.server()).room(room, BotUnderTest.titled("Health", "Checked"))
                .backoffMax(Duration.ofSeconds(1)).config();
        BotConfig config = new BotConfig(base.source(), base.connection(), base.admins(), base.rooms(), base.runtime(),
                base.dispatch(), new MonitoringSettings(Optional.of(0), "127.0.0.1"), base.plugins());

        try (RunningBot bot = RunningBot.start(config, List.of(), List.of())) {
            int port = bot.monitoringPort().orElseThrow();
            assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> get(port, "/health/ready").statusCode() == 200);
            // Ready means configured, not only joined: the new room already has its settings.
            RoomDiscoInfo info = clients.roomInfo(room);
            assertThat(info.persistent()).isTrue();
            assertThat(info.title()).contains("Health");

            servers.server().kill();
            try {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    HttpResponse<String> ready = get(port, "/health/ready");
                    assertThat(ready.statusCode()).isEqualTo(503);
                    assertThat(ready.body()).contains("not connected");
                });
                assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
            } finally {
                servers.server().start();
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> get(port, "/health/ready").statusCode() == 200);
            HttpResponse<String> metrics = get(port, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("majordome_sessions_total{kind=\"new\"} 2.0")
                    .contains("majordome_rooms_joined 1.0")
                    .contains("majordome_connected 1.0")
                    .contains("majordome_events_total{type=\"RoomJoinedEvent\"} 2.0")
                    .contains("jvm_memory_used_bytes");
        }
    }
}
