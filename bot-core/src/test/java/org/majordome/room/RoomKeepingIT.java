package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.event.OccupantJoinedEvent;
import org.majordome.api.event.RoomConfiguredEvent;
import org.majordome.api.event.RoomJoinedEvent;
import org.majordome.api.event.RoomLeftEvent;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.RoomDiscoInfo;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * Rooms as code against a real Prosody and a real ejabberd (XEP-0045 §10 owner use cases): the bot creates
 * missing rooms, keeps their configuration, and comes back after nick conflicts, kicks and destruction.
 *
 * <p>{@code owner@localhost} is a server admin, which both servers make an owner of every room (Prosody's
 * {@code admins}, ejabberd's {@code access_admin}): it plays the human owner who changes or destroys rooms.
 * Prosody's tombstones are off so that a destroyed room may be recreated at once (Prosody otherwise answers
 * "gone" for 31 days to anyone but a server admin); ejabberd keeps no tombstone.
 */
@Proves(Feature.ROOMS_KEPT)
@ClassTemplate
class RoomKeepingIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults().admins("owner")
            .prosody(prosody -> prosody.mucConfig("muc_tombstones = false")));

    /** Done-when 1: a room that does not exist is created persistent, titled and described. */
    @Test
    void createsAMissingRoomPersistentAndTitled(TestClients clients) {
        EntityBareJid room = servers.server().uniqueRoom("created");
        try (BotUnderTest bot = BotUnderTest.builder(servers.server())
                .room(room, BotUnderTest.titled("Club house", "Where the club meets")).start()) {
            bot.awaitJoined(room);

            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                RoomDiscoInfo info = clients.roomInfo(room);
                assertThat(info.persistent()).isTrue();
                assertThat(info.title()).contains("Club house");
                assertThat(info.description()).contains("Where the club meets");
            });
            assertThat(bot.events().inRoom(room.toString(), RoomJoinedEvent.class))
                    .singleElement().extracting(RoomJoinedEvent::created).isEqualTo(true);
        }
    }

    /** Done-when 2: another owner changes the title and makes the room temporary; both are put back. */
    @Test
    void putsDriftedSettingsBack(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("drift");
        try (BotUnderTest bot = BotUnderTest.builder(servers.server())
                .room(room, BotUnderTest.titled("Steady", "Kept as it is"))
                .reconcileInterval(Duration.ofSeconds(1)).start()) {
            bot.awaitJoined(room);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> clients.roomInfo(room).persistent());
            // The creation's configuration lists title and persistent too: only the events after it are repairs.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !bot.events().inRoom(room.toString(), RoomConfiguredEvent.class).isEmpty());
            int configuredBefore = bot.events().inRoom(room.toString(), RoomConfiguredEvent.class).size();

            XmppTestClient owner = clients.connect("owner");
            MultiUserChat muc = owner.join(room, "Owner");
            FillableForm form = muc.getConfigurationForm().getFillableForm();
            form.setAnswer("muc#roomconfig_roomname", "Hijacked");
            form.setAnswer("muc#roomconfig_persistentroom", false);
            muc.sendConfigurationForm(form);
            // No look at the title now: the bot checks every second and may have put it back already. That it
            // repaired both settings proves the other owner's change took.

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(bot.events()
                    .inRoom(room.toString(), RoomConfiguredEvent.class).stream().skip(configuredBefore))
                    .anySatisfy(event -> assertThat(event.changedSettings()).contains("title", "persistent")));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                RoomDiscoInfo info = clients.roomInfo(room);
                assertThat(info.title()).contains("Steady");
                assertThat(info.persistent()).isTrue();
            });
        }
    }

    /** Done-when 5: the bot's nick is taken in one room; it uses a fallback there and the other room is fine. */
    @Test
    @Proves(Feature.COMES_BACK)
    void fallsBackToAnotherNickWhenItsOwnIsTaken(TestClients clients) {
        EntityBareJid squatted = servers.server().uniqueRoom("squatted");
        EntityBareJid calm = servers.server().uniqueRoom("calm");
        XmppTestClient squatter = clients.connect("squatter");
        squatter.join(squatted, "Majordome");

        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).room(squatted).room(calm).start()) {
            bot.awaitJoined(squatted, calm);

            assertThat(bot.status(squatted).nick()).isEqualTo("Majordome_1");
            assertThat(bot.status(calm).nick()).isEqualTo("Majordome");
            await().atMost(Duration.ofSeconds(60)).until(() -> squatter.muc(squatted).getOccupants().stream()
                    .anyMatch(occupant -> occupant.getResourceOrEmpty().toString().equals("Majordome_1")));
        }
    }

    /**
     * Done-when 6 (kick) and the "no rights" case: in a room someone else owns, the bot says it cannot keep
     * the configuration and stays; kicked by the owner, it comes back.
     */
    @Test
    @Proves(Feature.COMES_BACK)
    void rejoinsAfterBeingKicked(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("kick");
        XmppTestClient owner = clients.connect("owner");
        MultiUserChat muc = owner.join(room, "Owner");

        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).room(room).start()) {
            bot.awaitJoined(room);
            await().atMost(Duration.ofSeconds(60)).until(() -> muc.getOccupant(
                    JidCreate.entityFullFrom(room, Resourcepart.from("Majordome"))) != null);

            muc.kickParticipant(Resourcepart.from("Majordome"), "out you go");

            await().atMost(Duration.ofSeconds(60)).until(() -> bot.events().inRoom(room.toString(), RoomLeftEvent.class)
                    .stream().anyMatch(left -> left.reason() == RoomLeftEvent.Reason.KICKED));
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.events().inRoom(room.toString(), RoomJoinedEvent.class)
                    .size() == 2);
            assertThat(bot.status(room).state()).isEqualTo(RoomStatus.State.JOINED);
        }
    }

    /** Done-when 6 (destroy): the room is destroyed by its other owner; the bot recreates and reconfigures it. */
    @Test
    @Proves(Feature.COMES_BACK)
    void recreatesADestroyedRoom(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("phoenix");
        try (BotUnderTest bot = BotUnderTest.builder(servers.server())
                .room(room, BotUnderTest.titled("Phoenix", "Rises again")).start()) {
            bot.awaitJoined(room);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> clients.roomInfo(room).persistent());

            XmppTestClient owner = clients.connect("owner");
            owner.join(room, "Owner").destroy("cleaning up", null);

            await().atMost(Duration.ofSeconds(60)).until(() -> bot.events().inRoom(room.toString(), RoomLeftEvent.class)
                    .stream().anyMatch(left -> left.reason() == RoomLeftEvent.Reason.ROOM_DESTROYED));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                assertThat(bot.events().inRoom(room.toString(), RoomJoinedEvent.class))
                        .filteredOn(RoomJoinedEvent::created).hasSize(2);
                RoomDiscoInfo info = clients.roomInfo(room);
                assertThat(info.persistent()).isTrue();
                assertThat(info.title()).contains("Phoenix");
            });
        }
    }

    /**
     * Done-when 7: history the room replays, occupants already present and the bot's own messages produce no
     * events; live messages and later joiners do.
     */
    @Test
    void replayedHistoryAndOwnMessagesProduceNoEvents(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("history");
        XmppTestClient alice = clients.connect("alice");
        MultiUserChat aliceMuc = alice.join(room, "Alice");
        FillableForm form = aliceMuc.getConfigurationForm().getFillableForm();
        form.setAnswer("muc#roomconfig_persistentroom", true);
        if (form.getField("muc#roomconfig_historylength") != null) {
            form.setAnswer("muc#roomconfig_historylength", "20"); // Prosody's field; ejabberd keeps 20 by default
        }
        aliceMuc.sendConfigurationForm(form);
        for (int i = 0; i < 5; i++) {
            alice.say(room, "old message " + i);
        }

        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).room(room).start()) {
            bot.awaitJoined(room);
            bot.bot().rooms().room(room.toString()).orElseThrow().send("the bot speaks").toCompletableFuture().join();
            alice.awaitBodyFrom(room, "the bot speaks");
            alice.say(room, "live message");
            XmppTestClient bob = clients.connect("bob");
            bob.join(room, "Bob");

            await().atMost(Duration.ofSeconds(60)).until(() -> bot.events().inRoom(room.toString(),
                    OccupantJoinedEvent.class).stream().anyMatch(joined -> joined.occupant().nick().equals("Bob")));
            // Alice's message and Bob's join come over different connections: neither proves the other arrived.
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.events().inRoom(room.toString(),
                    RoomMessageReceivedEvent.class).stream().anyMatch(event -> event.message().body().equals("live message")));
            assertThat(bot.events().inRoom(room.toString(), RoomMessageReceivedEvent.class))
                    .extracting(event -> event.message().body())
                    .containsExactly("live message");
            assertThat(bot.events().inRoom(room.toString(), OccupantJoinedEvent.class))
                    .extracting(event -> event.occupant().nick())
                    .containsExactly("Bob");
            assertThat(bot.events().inRoom(room.toString(), RoomJoinedEvent.class).getFirst().occupants())
                    .extracting(occupant -> occupant.nick()).containsExactly("Alice");
        }
    }
}
