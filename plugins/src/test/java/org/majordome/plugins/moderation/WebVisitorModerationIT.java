package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.event.OccupantJoinedEvent;
import org.majordome.config.RoomSettings;
import org.majordome.config.Secret;
import org.majordome.config.WebChatSettings;
import org.majordome.config.WebSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.SocketVisitors;
import org.majordome.testing.SocketVisitors.SocketVisitor;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * The moderation plugin acting on web chat visitors against a real Prosody and ejabberd: a visitor is a real
 * occupant, so a flood from the web climbs the ladder like any other (XEP-0045 §8.4, voice revoked), and a
 * moderator's {@code !ban} of a visitor bans them on the web gateway (their identity, refused at their next join
 * whatever their nick) rather than outcasting the account every visitor shares (§9.1); the case says so.
 */
@Proves(Feature.WEB_CHAT)
@ClassTemplate
class WebVisitorModerationIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults().admins("owner"));

    private static BotUnderTest start(EntityBareJid room, EntityBareJid admin) throws Exception {
        return start(room, admin, "");
    }

    private static BotUnderTest start(EntityBareJid room, EntityBareJid admin, String moderation) throws Exception {
        servers.server().register("visitors", "visitors-secret");
        WebChatSettings chat = new WebChatSettings(
                Optional.of(JidCreate.entityBareFrom("visitors@" + servers.server().domain())),
                Optional.of(new Secret("visitors-secret", "test")), 20, 50, 20, 60, 500, Duration.ofMinutes(30),
                Set.of("cookie"));
        BotUnderTest.Builder builder = BotUnderTest.builder(servers.server());
        if (!moderation.isEmpty()) {
            builder.pluginConfig("moderation", moderation);
        }
        BotUnderTest bot = builder
                .dataDirectory(Files.createTempDirectory(Path.of("target"), "web-moderation-it"))
                .admin(admin)
                .room(new RoomSettings(room, Optional.empty(), Optional.empty(),
                        BotUnderTest.titled("Lobby", "Moderated"), List.of("moderation")).withWebChat(true))
                .web(new WebSettings("127.0.0.1", 0, Optional.empty(), List.of(), Optional.empty(), List.of(),
                        Optional.of(chat)))
                .start();
        bot.awaitJoined(room);
        return bot;
    }

    @Test
    void aVisitorFloodingFromTheWebIsActionedByTheModerationPlugin(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("webflood");
        XmppTestClient boss = clients.connect("boss");
        try (BotUnderTest bot = start(room, boss.bareJid());
             SocketVisitors web = SocketVisitors.serve(bot.bot().webChat().orElseThrow())) {
            SocketVisitor flooder = web.visitor();
            flooder.join(room.toString(), "Flooder");
            flooder.awaitJoined();
            // Default flood rule: more than 6 messages in 4 s, 2 points; ladder: warn at 1, mute at 3.
            for (int i = 0; i < 14; i++) {
                flooder.say("web message number " + (char) ('a' + i) + " of a flood");
            }
            flooder.await("message", frame -> String.valueOf(frame.get("text")).startsWith("Flooder, please stop"));
            for (int i = 0; i < 14; i++) {
                flooder.say("second wave " + (char) ('a' + i) + " of the flood");
            }
            Map<String, Object> muted = flooder.await("presence", frame -> "Flooder".equals(frame.get("nick"))
                    && "visitor".equals(frame.get("role")));
            assertThat(muted).containsEntry("present", true);
        }
    }

    @Test
    void aModeratorsBanOfAVisitorHoldsOnTheVisitorNotOnTheSharedAccount(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("webmodban");
        XmppTestClient boss = clients.connect("boss");
        try (BotUnderTest bot = start(room, boss.bareJid());
             SocketVisitors web = SocketVisitors.serve(bot.bot().webChat().orElseThrow())) {
            boss.join(room, "Boss");
            SocketVisitor spammer = web.visitor();
            spammer.join(room.toString(), "Spammer");
            spammer.awaitJoined();
            boss.say(room, "!ban Spammer selling things");
            Message answer = boss.awaitMessage("the ban's answer", message -> message.getBody() != null
                    && message.getBody().contains("banned on the web gateway"));
            assertThat(answer.getBody()).contains("Spammer").contains("is banned");
            assertThat(spammer.await("removed", frame -> true)).containsEntry("how", "banned");

            SocketVisitor again = web.visitor(spammer.cookie(), web.origin());
            again.join(room.toString(), "NewNick");
            again.awaitError("banned");
            SocketVisitor other = web.visitor();
            other.join(room.toString(), "Other");
            other.awaitJoined();
        }
    }

    @Test
    void aForbiddenNickWasOnlyActionedAfterTheVisitorJoinedNotRefusedAtTheNickChooser(TestClients clients)
            throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("webnick");
        XmppTestClient boss = clients.connect("boss");
        try (BotUnderTest bot = start(room, boss.bareJid(), "words: {words: [spam*]}\n");
             SocketVisitors web = SocketVisitors.serve(bot.bot().webChat().orElseThrow())) {
            MultiUserChat bossRoom = boss.join(room, "Boss");
            SocketVisitor visitor = web.visitor();
            visitor.join(room.toString(), "spamking");
            Map<String, Object> refused = visitor.awaitError("nick-refused");
            assertThat(String.valueOf(refused.get("text"))).contains("not allowed").contains("spam");
            // The room never saw them: no presence, no place taken on the gateway.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).until(() ->
                    bossRoom.getOccupant(JidCreate.entityFullFrom(room, Resourcepart.from("spamking"))) == null
                            && bot.bot().webChat().orElseThrow().visitors() == 0);
            assertThat(bot.events().all()).noneMatch(event -> event instanceof OccupantJoinedEvent joined
                    && joined.occupant().nick().equals("spamking"));
            // The same socket then comes in under a nick the rules accept.
            visitor.join(room.toString(), "Ann");
            visitor.awaitJoined();
        }
    }
}
