package org.majordome.plugins.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.room.RoomHandle;
import org.majordome.config.ClusterSettings;
import org.majordome.config.DatabaseConnection;
import org.majordome.config.RoomPeople;
import org.majordome.config.RoomSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.PostgresExtension;
import org.majordome.testing.ProsodyExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;

/**
 * Two instances of one bot share two rooms through a real PostgreSQL, one room each, both with the moderation plugin,
 * which holds the shared ban list in memory so that a join costs no storage read. A moderator's {@code !ban ... --all}
 * on the instance holding one room puts the JID on the list; the other instance, which read its list at start, hears
 * of the change at once (PostgreSQL {@code LISTEN}/{@code NOTIFY}) and bans the JID when it joins the other room
 * (issue "several instances": "in-memory caches are invalidated across instances, so that a {@code !pardon} on one
 * instance holds on the others at once").
 *
 * <p>On Prosody only: the subject is the instances' agreement through the database; banning on join is proven on both
 * servers by the moderation's own ITs, and two bots per server kind would double a long test on two shared cores.
 */
class ClusterSharedBanListIT {

    @RegisterExtension
    static final ProsodyExtension prosody = new ProsodyExtension();

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final Duration LEASE = Duration.ofSeconds(6);
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path work;

    private final Map<String, BotUnderTest> instances = new LinkedHashMap<>();

    @AfterEach
    void stopInstances() {
        instances.values().forEach(BotUnderTest::close);
    }

    @Test
    void aJidPutOnTheSharedBanListOnOneInstanceIsBannedOnJoinByTheOtherAtOnce(TestClients clients) throws Exception {
        DatabaseConnection database = postgres.newDatabase("banlist");
        XmppTestClient boss = clients.connect("boss");
        XmppTestClient mallory = clients.connect("mallory");
        List<EntityBareJid> rooms = IntStream.rangeClosed(1, 2).mapToObj(i -> prosody.server().uniqueRoom("shared" + i))
                .toList();
        for (String instance : List.of("a", "b")) {
            start(instance, database, rooms, boss.bareJid());
        }
        await("one room each").atMost(WAIT).until(() -> instances.values().stream()
                .allMatch(bot -> joinedRooms(bot).size() == 1));
        EntityBareJid roomOfA = JidCreate.entityBareFrom(joinedRooms(instances.get("a")).getFirst());
        EntityBareJid roomOfB = JidCreate.entityBareFrom(joinedRooms(instances.get("b")).getFirst());
        await().atMost(WAIT).until(() -> instances.get("a").status(roomOfA).ready()
                && instances.get("b").status(roomOfB).ready());

        MultiUserChat bossRoom = boss.join(roomOfA, "boss");
        await("boss is moderator").atMost(WAIT).ignoreExceptions().until(() -> bossRoom.getOccupant(
                JidCreate.entityFullFrom(roomOfA, Resourcepart.from("boss"))).getRole() == MUCRole.moderator);
        boss.say(roomOfA, "!ban " + mallory.bareJid() + " selling things --all");
        await("a bans mallory in its room").atMost(WAIT).until(() -> banList(instances.get("a"), roomOfA)
                .contains(mallory.bareJid().toString()));

        await("b bans mallory as she joins its room").atMost(WAIT).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    tryToJoin(mallory, roomOfB);
                    return banList(instances.get("b"), roomOfB).contains(mallory.bareJid().toString());
                });
        assertThat(banList(instances.get("b"), roomOfB)).contains(mallory.bareJid().toString());
    }

    /** Joins, or fails to (banned already, or in the room already): the ban list tells what happened. */
    private static void tryToJoin(XmppTestClient client, EntityBareJid room) {
        try {
            client.join(room, "mallory");
        } catch (RuntimeException refusedOrPresent) {
            // looked at through the ban list
        }
    }

    private void start(String instance, DatabaseConnection database, List<EntityBareJid> rooms, EntityBareJid boss) {
        RoomPeople people = new RoomPeople(List.of(), List.of(boss), List.of(), List.of(), List.of(),
                RoomPeople.Policy.KEEP);
        BotUnderTest.Builder builder = BotUnderTest.builder(prosody.server())
                .nick("Majordome-" + instance)
                .database(database)
                .cluster(new ClusterSettings(instance, LEASE, Duration.ofSeconds(1)))
                .dataDirectory(work.resolve(instance));
        rooms.forEach(room -> builder.room(new RoomSettings(room, Optional.empty(), Optional.empty(),
                BotUnderTest.titled("Shared", "Shared bans"), List.of("moderation"), false, Optional.empty())
                .withPeople(people)));
        instances.put(instance, builder.start());
    }

    private static List<String> joinedRooms(BotUnderTest bot) {
        return List.copyOf(bot.bot().cluster().orElseThrow().actingRooms());
    }

    /** The room's outcasts, as the server lists them to the instance holding it. */
    private static List<String> banList(BotUnderTest bot, EntityBareJid room) throws Exception {
        RoomHandle handle = bot.bot().rooms().room(room.toString()).orElseThrow();
        return handle.banList().toCompletableFuture().get(30, TimeUnit.SECONDS).orElse(List.of());
    }
}
