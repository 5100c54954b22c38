package org.majordome.plugins.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.config.ClusterSettings;
import org.majordome.config.DatabaseConnection;
import org.majordome.plugins.testsupport.BotProcess;
import org.majordome.room.RoomStatus;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.PostgresExtension;
import org.majordome.testing.ProsodyExtension;
import org.majordome.testing.XmppServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two instances of one bot share four rooms through a real PostgreSQL: instance "b" runs as users run it (its own
 * JVM, a configuration file with {@code cluster:}), instance "a" in this JVM. b is killed with SIGKILL (a crash: no
 * room left, no lease released); once its leases have run out in the database, a takes every room over and joins it.
 * The time from the kill to a being in every room is logged (it is bounded by the lease, 6 s here, plus a renewal).
 *
 * <p>On Prosody only: the subject is the instances' agreement through the database (see {@code ClusterIT}).
 */
class ClusterCrashIT {

    private static final Logger log = LoggerFactory.getLogger(ClusterCrashIT.class);
    private static final Duration LEASE = Duration.ofSeconds(6);
    private static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    static final ProsodyExtension prosody = new ProsodyExtension();

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @TempDir
    Path work;

    @Test
    void theRoomsOfAnInstanceKilledHardMoveToTheOtherAfterItsLease() throws IOException, SQLException {
        XmppServer server = prosody.server();
        DatabaseConnection database = postgres.database();
        List<EntityBareJid> rooms = IntStream.rangeClosed(1, 4).mapToObj(i -> server.uniqueRoom("crash" + i)).toList();
        int healthPort = freePort();
        Path config = BotProcess.writeConfig(server, work.resolve("b"), work.resolve("b-data"), healthPort,
                Duration.ofSeconds(60), """
                          database:
                            url: %s
                            user: %s
                        """.formatted(database.jdbcUrl(), database.user()),
                BotProcess.rooms(rooms, "core") + """
                        cluster:
                          instance: b
                          lease: 6s
                          renew-every: 1s
                        """);
        try (BotProcess b = BotProcess.start(config, healthPort)) {
            await("b holds every room").atMost(WAIT).until(() -> holders(database).getOrDefault("b", 0) == 4);
            try (BotUnderTest a = startA(database, rooms)) {
                await("two rooms each").atMost(WAIT).until(() -> holders(database).equals(Map.of("a", 2, "b", 2))
                        && joined(a) == 2);

                b.kill();
                long killedAt = System.nanoTime();
                await("a in every room").atMost(WAIT).until(() -> joined(a) == 4);
                Duration moved = Duration.ofNanos(System.nanoTime() - killedAt);
                log.info("Rooms of the killed instance joined by the other {} ms after the kill (lease {})",
                        moved.toMillis(), LEASE);
                assertThat(holders(database)).isEqualTo(Map.of("a", 4));
                assertThat(a.bot().cluster().orElseThrow().actingRooms()).hasSize(4);
            }
        }
    }

    private BotUnderTest startA(DatabaseConnection database, List<EntityBareJid> rooms) {
        BotUnderTest.Builder builder = BotUnderTest.builder(prosody.server())
                .nick("Majordome-a")
                .database(database)
                .cluster(new ClusterSettings("a", LEASE, Duration.ofSeconds(1)))
                .dataDirectory(work.resolve("a-data"));
        rooms.forEach(room -> builder.room(room));
        return builder.start();
    }

    private static long joined(BotUnderTest bot) {
        return bot.bot().rooms().status().stream().filter(status -> status.state() == RoomStatus.State.JOINED).count();
    }

    /** How many running leases each instance holds, as the database says. */
    private static Map<String, Integer> holders(DatabaseConnection database) throws SQLException {
        Map<String, Integer> holders = new HashMap<>();
        try (Connection connection = postgres.server().connect(databaseName(database));
             PreparedStatement select = connection.prepareStatement(
                     "SELECT holder, count(*) FROM room_lease WHERE expires_at > now() GROUP BY holder");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                holders.put(rows.getString(1), rows.getInt(2));
            }
        } catch (SQLException notMigratedYet) {
            if (!"42P01".equals(notMigratedYet.getSQLState())) { // undefined_table: the bot has not started yet
                throw notMigratedYet;
            }
        }
        return holders;
    }

    private static String databaseName(DatabaseConnection database) {
        return database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
