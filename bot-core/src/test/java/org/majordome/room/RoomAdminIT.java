package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.NoConfig;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.RoomHandle;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * The room handle's muc#admin requests against a real Prosody and ejabberd (XEP-0045): a mute carries its reason to the
 * occupant with the new role (§8.4); a ban shows on the ban list, which the bot reads as an admin (§9.1,
 * §9.5); in a room where the bot is no admin the list is not given, and the handle answers empty.
 */
@Proves(Feature.MODERATION_ACTIONS)
@ClassTemplate
class RoomAdminIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    @Test
    void aMuteCarriesItsReasonAndABanShowsOnTheBanList(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("admin");
        HandlePlugin plugin = new HandlePlugin();
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).plugin(plugin).room(room, HandlePlugin.ID)
                .start()) {
            bot.awaitJoined(room);
            RoomHandle handle = plugin.context.rooms().room(room.toString()).orElseThrow();
            XmppTestClient alice = clients.connect("alice");
            List<String> reasons = new CopyOnWriteArrayList<>();
            alice.connection().addAsyncStanzaListener(stanza -> {
                MUCUser user = MUCUser.from(stanza);
                if (user != null && user.getItem() != null && user.getItem().getReason() != null) {
                    reasons.add(user.getItem().getReason());
                }
            }, stanza -> stanza instanceof Presence);
            alice.join(room, "alice");
            await().atMost(Duration.ofSeconds(60)).until(() -> handle.occupant("alice").isPresent());

            assertThat(handle.revokeVoice("alice", "calm down (case #7)").toCompletableFuture()
                    .get(30, TimeUnit.SECONDS)).isEqualTo(ActionResult.DONE);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(reasons).contains("calm down (case #7)"));

            String mallory = "mallory@" + alice.bareJid().getDomain();
            assertThat(handle.ban(mallory, "spam (case #8)").toCompletableFuture().get(30, TimeUnit.SECONDS))
                    .isEqualTo(ActionResult.DONE);
            assertThat(handle.banList().toCompletableFuture().get(30, TimeUnit.SECONDS)).contains(List.of(mallory));
        }
    }

    @Test
    void theBanListOfARoomWhereTheBotIsNoAdminIsNotGiven(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("not-ours");
        XmppTestClient owner = clients.connect("owner");
        owner.join(room, "Owner");
        HandlePlugin plugin = new HandlePlugin();
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).plugin(plugin).room(room, HandlePlugin.ID)
                .start()) {
            bot.awaitJoined(room);
            RoomHandle handle = plugin.context.rooms().room(room.toString()).orElseThrow();

            assertThat(handle.banList().toCompletableFuture().get(30, TimeUnit.SECONDS)).isEqualTo(Optional.empty());
        }
    }

    /** Hands the test its context, to act through the room handle as any plugin would. */
    public static final class HandlePlugin implements Plugin<NoConfig> {
        static final String ID = "handles";
        volatile PluginContext<NoConfig> context;

        @Override
        public String id() {
            return ID;
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
            this.context = context;
        }
    }
}
