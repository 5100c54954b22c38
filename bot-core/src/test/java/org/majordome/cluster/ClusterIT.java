package org.majordome.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.majordome.config.ClusterSettings;
import org.majordome.config.DatabaseConnection;
import org.majordome.room.RoomStatus;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.PostgresExtension;
import org.majordome.testing.ProsodyExtension;
import org.majordome.testing.TcpProxy;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;

/**
 * Several instances of one bot (in this JVM, each with its own database path through a {@link TcpProxy}) share
 * rooms on a real Prosody through a real PostgreSQL: each room is held by exactly one instance, as the room's own
 * occupant list shows a client (each instance has its own nick here, so that the list names the holder); the rooms
 * are spread across the live instances; a stopped instance's rooms move to the others; a paused instance (its
 * database unreachable) leaves its rooms before another instance joins them.
 *
 * <p>On Prosody only: the subject is the instances' agreement through the database; joining and leaving rooms is
 * the room package's code, proven on both servers by {@code RoomKeepingIT}, and three bots per server kind would
 * double a long test on the two shared cores.
 */
class ClusterIT {

    @RegisterExtension
    static final ProsodyExtension prosody = new ProsodyExtension();

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final Duration LEASE = Duration.ofSeconds(6);
    /**
     * The fencing test's lease: b stops acting a quarter of it before it runs out, and the test must read the database
     * within that quarter. A quarter of 6 s left too little time to a loaded machine; 5 s is plenty.
     */
    private static final Duration FENCED_LEASE = Duration.ofSeconds(20);
    private static final Duration RENEW_EVERY = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path work;

    private final Map<String, BotUnderTest> instances = new LinkedHashMap<>();
    private final Map<String, TcpProxy> databasePaths = new LinkedHashMap<>();

    @AfterEach
    void stopInstances() {
        databasePaths.values().forEach(TcpProxy::thaw);
        instances.values().forEach(BotUnderTest::close);
        databasePaths.values().forEach(TcpProxy::close);
    }

    @Test
    void threeInstancesShareSixRoomsEachHeldByExactlyOneAndAStoppedInstancesRoomsMoveToTheOthers(TestClients clients) {
        String database = databaseName(postgres.newDatabase("share"));
        List<EntityBareJid> rooms = rooms("shared", 6);
        for (String instance : List.of("a", "b", "c")) {
            start(instance, database, rooms);
        }

        await("two rooms per instance").atMost(WAIT).until(() -> heldBy().values().stream()
                .allMatch(held -> held.size() == 2) && heldBy().size() == 3);
        instances.forEach((name, bot) -> assertThat(bot.bot().session().connection().getUser().getResourceOrEmpty())
                .as("the resource of instance " + name).hasToString(name));
        XmppTestClient observer = clients.connect("observer");
        Map<EntityBareJid, MultiUserChat> seen = observe(observer, rooms, new ArrayList<>());
        await("each room shows exactly one instance").atMost(WAIT).until(() -> rooms.stream()
                .allMatch(room -> botsIn(seen.get(room)).size() == 1));
        assertThat(rooms).allSatisfy(room -> assertThat(botsIn(seen.get(room)))
                .containsExactly("Majordome-" + holderOf(room).orElseThrow()));

        Set<String> roomsOfB = heldBy().get("b");
        instances.remove("b").close();

        await("b's rooms taken by a and c").atMost(WAIT).until(() -> heldBy().keySet().equals(Set.of("a", "c"))
                && heldBy().values().stream().allMatch(held -> held.size() == 3));
        await("each room shows exactly one instance, not b").atMost(WAIT).until(() -> rooms.stream()
                .allMatch(room -> botsIn(seen.get(room)).size() == 1));
        assertThat(roomsOfB).allSatisfy(room -> assertThat(botsIn(seen.get(jid(room))))
                .hasSize(1).doesNotContain("Majordome-b"));
    }

    /**
     * Fencing: instance b's database path freezes (as a partition or a paused process looks from the database): b
     * cannot renew, stops acting in its rooms and leaves them three quarters into the lease; once the lease ran out in
     * the database, a takes them. In every one of b's rooms the observer sees b leave before a joins, and b had stopped
     * acting while the database still showed its lease running.
     */
    @Test
    void aPausedInstanceLeavesItsRoomsBeforeAnotherInstanceTakesThemOver(TestClients clients) throws Exception {
        String database = databaseName(postgres.newDatabase("fence"));
        List<EntityBareJid> rooms = rooms("fenced", 4);
        start("a", database, rooms, FENCED_LEASE);
        start("b", database, rooms, FENCED_LEASE);
        await("two rooms each").atMost(WAIT).until(() -> heldBy().values().stream().allMatch(held -> held.size() == 2)
                && heldBy().size() == 2);
        Set<String> roomsOfB = Set.copyOf(heldBy().get("b"));
        List<String> presences = Collections.synchronizedList(new ArrayList<>());
        XmppTestClient observer = clients.connect("observer");
        Map<EntityBareJid, MultiUserChat> seen = observe(observer, rooms, presences);
        await().atMost(WAIT).until(() -> rooms.stream().allMatch(room -> botsIn(seen.get(room)).size() == 1));

        databasePaths.get("b").freeze();
        ClusterMember b = instances.get("b").bot().cluster().orElseThrow();
        await("b stops acting").atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> b.actingRooms().isEmpty());
        assertThat(runningLeasesOf("b", database)).as("b's leases still run in the database when b stops acting")
                .containsExactlyInAnyOrderElementsOf(roomsOfB);

        await("a holds every room").atMost(WAIT).until(() -> instances.get("a").bot().cluster().orElseThrow()
                .actingRooms().size() == 4);
        await("each room shows a only").atMost(WAIT).until(() -> rooms.stream()
                .allMatch(room -> botsIn(seen.get(room)).equals(List.of("Majordome-a"))));
        for (String room : roomsOfB) {
            List<String> inRoom = presences.stream().filter(line -> line.startsWith(room + " ")).toList();
            assertThat(inRoom).as("presences in " + room).containsSubsequence(
                    room + " Majordome-b unavailable", room + " Majordome-a available");
            assertThat(inRoom.indexOf(room + " Majordome-b unavailable"))
                    .isLessThan(inRoom.indexOf(room + " Majordome-a available"));
        }
    }

    private void start(String instance, String database, List<EntityBareJid> rooms) {
        start(instance, database, rooms, LEASE);
    }

    private void start(String instance, String database, List<EntityBareJid> rooms, Duration lease) {
        TcpProxy path = TcpProxy.to(postgres.server().port());
        databasePaths.put(instance, path);
        DatabaseConnection connection = postgres.server().connectionThrough(path.port(), database);
        BotUnderTest.Builder builder = BotUnderTest.builder(prosody.server())
                .nick("Majordome-" + instance)
                .database(connection)
                .cluster(new ClusterSettings(instance, lease, RENEW_EVERY))
                .dataDirectory(work.resolve(instance));
        rooms.forEach(room -> builder.room(room));
        instances.put(instance, builder.start());
    }

    /** The rooms each running instance is in, by instance. */
    private Map<String, Set<String>> heldBy() {
        Map<String, Set<String>> held = new LinkedHashMap<>();
        instances.forEach((name, bot) -> {
            Set<String> joined = bot.bot().rooms().status().stream()
                    .filter(status -> status.state() == RoomStatus.State.JOINED)
                    .map(RoomStatus::roomJid).collect(Collectors.toSet());
            if (!joined.isEmpty()) {
                held.put(name, joined);
            }
        });
        return held;
    }

    private Optional<String> holderOf(EntityBareJid room) {
        return heldBy().entrySet().stream().filter(entry -> entry.getValue().contains(room.toString()))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The observer joins every room (after the bots made them) and records each bot's comings and goings. */
    private static Map<EntityBareJid, MultiUserChat> observe(XmppTestClient observer, List<EntityBareJid> rooms,
                                                             List<String> presences) {
        Map<EntityBareJid, MultiUserChat> chats = new LinkedHashMap<>();
        for (EntityBareJid room : rooms) {
            MultiUserChat chat = observer.join(room, "observer");
            chat.addParticipantListener(presence -> record(room, presence, presences));
            chats.put(room, chat);
        }
        return chats;
    }

    private static void record(EntityBareJid room, Presence presence, List<String> presences) {
        String nick = presence.getFrom().getResourceOrEmpty().toString();
        if (nick.startsWith("Majordome-")) {
            presences.add(room + " " + nick + " " + (presence.isAvailable() ? "available" : "unavailable"));
        }
    }

    /** The bots' nicks in a room, as the room's occupant list shows them to a client. */
    private static List<String> botsIn(MultiUserChat chat) {
        return chat.getOccupants().stream().map(EntityFullJid::getResourcepart).map(Object::toString)
                .filter(nick -> nick.startsWith("Majordome-")).sorted().toList();
    }

    private Set<String> runningLeasesOf(String instance, String database) throws Exception {
        try (var connection = postgres.server().connect(database);
             var statement = connection.prepareStatement(
                     "SELECT room_jid FROM room_lease WHERE holder = ? AND expires_at > now()")) {
            statement.setString(1, instance);
            Set<String> rooms = new java.util.HashSet<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    rooms.add(rows.getString(1));
                }
            }
            return rooms;
        }
    }

    private static List<EntityBareJid> rooms(String hint, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prosody.server().uniqueRoom(hint + i)).toList();
    }

    private static EntityBareJid jid(String room) {
        return org.jxmpp.jid.impl.JidCreate.entityBareFromOrThrowUnchecked(room);
    }

    private static String databaseName(DatabaseConnection connection) {
        return connection.jdbcUrl().substring(connection.jdbcUrl().lastIndexOf('/') + 1);
    }
}
