package org.majordome.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.app.RunningBot;
import org.majordome.config.BotConfig;
import org.majordome.config.ClusterSettings;
import org.majordome.config.DatabaseConnection;
import org.majordome.config.MonitoringSettings;
import org.majordome.room.RoomStatus;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.PostgresExtension;
import org.majordome.testing.ProsodyExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;

/**
 * Issue 21 item 6, on a real cluster (two instances in this JVM, a real PostgreSQL, a real Prosody): each instance's
 * {@code /health/ready} names the rooms it holds, its metrics count them, and the ad-hoc {@code status} command an
 * administrator runs on either instance lists both instances with their rooms; what they show is what the rooms and
 * the database show.
 *
 * <p>On Prosody only: the subject is what the instances report of their agreement through the database; the ad-hoc
 * commands and the health endpoint are proven on both servers by {@code AdHocCommandsIT} and {@code MonitoringIT}.
 */
class ClusterStatusIT {

    @RegisterExtension
    static final ProsodyExtension prosody = new ProsodyExtension();

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path work;

    private final Map<String, RunningBot> instances = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @AfterEach
    void stopInstances() {
        instances.values().forEach(RunningBot::close);
    }

    @Test
    void healthMetricsAndTheStatusCommandSayWhichRoomsEachInstanceHoldsAndListTheCluster(TestClients clients)
            throws Exception {
        DatabaseConnection database = postgres.newDatabase("status");
        List<EntityBareJid> rooms = IntStream.rangeClosed(1, 4).mapToObj(i -> prosody.server().uniqueRoom("status" + i))
                .toList();
        EntityBareJid boss = JidCreate.entityBareFrom("boss@" + prosody.server().domain());
        for (String instance : List.of("a", "b")) {
            start(instance, database, rooms, boss);
        }
        await("two rooms each, joined").atMost(WAIT).until(() -> instances.keySet().stream()
                .allMatch(name -> joined(name).size() == 2));
        // Both instances renewed once more after the last move, so that each one's view of the other is current.
        await("each sees the other's rooms").atMost(WAIT).until(() -> instances.values().stream()
                .allMatch(bot -> bot.cluster().orElseThrow().view().members().stream()
                        .allMatch(member -> member.rooms().size() == 2)));

        for (String name : instances.keySet()) {
            Set<String> held = joined(name);
            int port = instances.get(name).monitoringPort().orElseThrow();
            // Ready means configured, not only joined: a room joined a moment ago may not be checked yet.
            HttpResponse<String> ready = await("readiness of " + name).atMost(WAIT)
                    .until(() -> get(port, "/health/ready"), answer -> answer.statusCode() == 200);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).as("readiness of " + name)
                    .contains("cluster instance " + name + ", acting in 2 rooms: " + String.join(", ", held));
            assertThat(get(port, "/metrics").body()).as("metrics of " + name)
                    .contains("majordome_cluster_rooms_acting 2.0", "majordome_cluster_instances_live 2.0")
                    .contains(held.stream().map(room -> "majordome_cluster_room_acting{room=\"" + room + "\"} 1.0")
                            .toList());
            assertThat(get(port, "/health/cluster").body()).as("cluster page of " + name)
                    .contains("Live instances (2):", clusterLine("a", "a".equals(name)), clusterLine("b", "b".equals(name)));
        }

        XmppTestClient admin = clients.connect("boss");
        AdHocCommandManager commands = AdHocCommandManager.getAddHocCommandsManager(admin.connection());
        for (String name : instances.keySet()) {
            RemoteCommand status = commands.getRemoteCommand(JidCreate.entityFullFrom(BotUnderTest.ACCOUNT + "@"
                    + prosody.server().domain() + "/" + name), "status");
            status.execute();
            assertThat(status.isCompleted()).isTrue();
            String text = String.join("\n", status.getNotes().stream().map(note -> note.getValue()).toList());
            assertThat(text).as("status of " + name).contains("Rooms this instance holds (2):",
                    "Cluster: instance " + name + ", acting in 2 rooms", "Live instances (2):",
                    clusterLine("a", "a".equals(name)), clusterLine("b", "b".equals(name)));
            joined(name).forEach(room -> assertThat(text).contains("  " + room + ": JOINED"));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        instances.keySet().forEach(name -> joined(name).forEach(room -> expected.put(room, name)));
        assertThat(runningLeases(database)).as("the database's leases").isEqualTo(expected);
    }

    /** "a (this one): 2 rooms, last renewal ...: r1, r2", up to the renewal's age. */
    private String clusterLine(String name, boolean self) {
        return name + (self ? " (this one)" : "") + ": 2 rooms, last renewal ";
    }

    private void start(String instance, DatabaseConnection database, List<EntityBareJid> rooms, EntityBareJid admin) {
        BotUnderTest.Builder builder = BotUnderTest.builder(prosody.server())
                .nick("Majordome-" + instance)
                .admin(admin)
                .database(database)
                .cluster(new ClusterSettings(instance, Duration.ofSeconds(6), Duration.ofSeconds(1)))
                .dataDirectory(work.resolve(instance));
        rooms.forEach(room -> builder.room(room));
        BotConfig base = builder.config();
        BotConfig config = new BotConfig(base.source(), base.connection(), base.admins(), base.rooms(), base.runtime(),
                base.dispatch(), new MonitoringSettings(Optional.of(0), "127.0.0.1"), base.plugins(), base.warnings(),
                base.invitations(), base.cluster(), base.web());
        instances.put(instance, RunningBot.start(config, List.of(), List.of()));
    }

    private Set<String> joined(String instance) {
        return instances.get(instance).rooms().status().stream()
                .filter(status -> status.state() == RoomStatus.State.JOINED)
                .map(RoomStatus::roomJid).collect(Collectors.toCollection(TreeSet::new));
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> runningLeases(DatabaseConnection database) throws Exception {
        String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        Map<String, String> leases = new LinkedHashMap<>();
        try (var connection = postgres.server().connect(name);
             var select = connection.prepareStatement("SELECT room_jid, holder FROM room_lease WHERE expires_at > now()");
             var rows = select.executeQuery()) {
            while (rows.next()) {
                leases.put(rows.getString(1), rows.getString(2));
            }
        }
        return leases;
    }
}
