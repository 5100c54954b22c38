package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.event.RoomJoinedEvent;
import org.majordome.api.event.RoomLeftEvent;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.RoomDiscoInfo;
import org.majordome.testing.TestClients;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot comes back by itself when its server crashes or is not up yet (RFC 6120 §7 reconnection), on
 * Prosody and on ejabberd.
 */
@Proves(Feature.COMES_BACK)
@ClassTemplate
class ServerOutageIT {

    private static final Logger log = LoggerFactory.getLogger(ServerOutageIT.class);

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    /** Done-when 3: the server is killed with SIGKILL while the bot keeps 3 rooms, then restarted on the same port. */
    @Test
    void comesBackToEveryRoomAfterTheServerIsKilled(TestClients clients) {
        List<EntityBareJid> rooms = List.of(servers.server().uniqueRoom("crash-a"),
                servers.server().uniqueRoom("crash-b"), servers.server().uniqueRoom("crash-c"));
        BotUnderTest.Builder builder = BotUnderTest.builder(servers.server()).backoffMax(Duration.ofSeconds(1));
        rooms.forEach(room -> builder.room(room, BotUnderTest.titled("Title of " + room.getLocalpart(), "Survives")));
        try (BotUnderTest bot = builder.start()) {
            bot.awaitJoined(rooms.toArray(EntityBareJid[]::new));
            for (EntityBareJid room : rooms) {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> clients.roomInfo(room).persistent());
            }

            servers.server().kill();
            await().atMost(Duration.ofSeconds(60)).until(() -> !bot.bot().session().isOnline());
            long restartedAt = System.nanoTime();
            servers.server().start();

            bot.awaitJoined(rooms.toArray(EntityBareJid[]::new));
            long rejoinedMillis = (System.nanoTime() - restartedAt) / 1_000_000;
            for (EntityBareJid room : rooms) {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                    RoomDiscoInfo info = clients.roomInfo(room);
                    assertThat(info.persistent()).isTrue();
                    assertThat(info.title()).contains("Title of " + room.getLocalpart());
                });
                // The state may read JOINED before the rooms' workers noticed the outage (the old join): wait for the
                // new join itself.
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> bot.events().inRoom(room.toString(), RoomJoinedEvent.class).size() >= 2);
                assertThat(bot.events().inRoom(room.toString(), RoomJoinedEvent.class)).hasSize(2);
                assertThat(bot.events().inRoom(room.toString(), RoomLeftEvent.class))
                        .extracting(RoomLeftEvent::reason).containsExactly(RoomLeftEvent.Reason.CONNECTION_LOST);
            }
            log.info("Server restart to all 3 rooms rejoined: {} ms", rejoinedMillis);
        }
    }

    /** Done-when 4: the server is not running when the bot starts; it starts 10 s later and the bot gets in. */
    @Test
    void connectsWhenTheServerComesUpLate() {
        EntityBareJid room = servers.server().uniqueRoom("late");
        BotUnderTest.Builder builder = BotUnderTest.builder(servers.server()).room(room).backoffMax(Duration.ofSeconds(2));
        builder.config(); // registers the bot's account while the server still runs
        servers.server().stop();
        try (BotUnderTest bot = builder.start()) {
            // For ten seconds the server is away and the bot keeps trying without getting in (or giving up).
            await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(60))
                    .until(() -> !bot.bot().session().isOnline() && bot.bot().isRunning());

            servers.server().start();

            bot.awaitJoined(room);
        } finally {
            if (!servers.server().isRunning()) {
                servers.server().start();
            }
        }
    }
}
