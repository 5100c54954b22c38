package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.majordome.config.RoomSettings;
import org.majordome.config.Secret;
import org.majordome.config.WebChatSettings;
import org.majordome.config.WebSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.BrowserExtension;
import org.majordome.testing.ChatPage;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;
import org.openqa.selenium.Keys;

/**
 * The moderation plugin acting on web visitors as they meet it, end to end: the bot with the web chat on its own
 * embedded server, visitors in real headless Chromium, a moderator in a Smack client, on a real Prosody and
 * ejabberd. A visitor flooding from the browser is warned and then muted like any occupant (XEP-0045 §8.4, voice
 * revoked), and sees both; a visitor a moderator bans with {@code !ban} sees why, and cannot come back from the same
 * browser (same identity cookie) under a new nick, while another browser still can: the shared account is not
 * outcast (§9.1).
 */
@Proves(Feature.WEB_CHAT)
@ClassTemplate
class WebVisitorBrowserModerationIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults().admins("owner"));

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    private static BotUnderTest start(EntityBareJid room, EntityBareJid admin) throws Exception {
        servers.server().register("visitors", "visitors-secret");
        // The gateway's own rate limit (120 a minute) is above the flood rule's, so that the plugin is what acts.
        WebChatSettings chat = new WebChatSettings(
                Optional.of(JidCreate.entityBareFrom("visitors@" + servers.server().domain())),
                Optional.of(new Secret("visitors-secret", "test")), 20, 50, 20, 120, 500, Duration.ofMinutes(30),
                Set.of("cookie"));
        BotUnderTest bot = BotUnderTest.builder(servers.server())
                .dataDirectory(Files.createTempDirectory(Path.of("target"), "web-browser-moderation-it"))
                .admin(admin)
                .room(new RoomSettings(room, Optional.empty(), Optional.empty(),
                        BotUnderTest.titled("Lobby", "Moderated"), List.of("moderation")).withWebChat(true))
                .web(new WebSettings("127.0.0.1", 0, Optional.empty(), List.of(), Optional.empty(), List.of(),
                        Optional.of(chat)))
                .start();
        bot.awaitJoined(room);
        return bot;
    }

    private static URI site(BotUnderTest bot) {
        return URI.create("http://127.0.0.1:" + bot.bot().webPort().orElseThrow() + "/");
    }

    /** Types {@code count} short messages into the message box at keyboard speed, each sent with Enter. */
    private static void flood(ChatPage page, String word, int count) {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < count; i++) {
            keys.append(word).append(' ').append((char) ('a' + i)).append(Keys.ENTER);
        }
        page.browser().field("Message").sendKeys(keys);
    }

    @Test
    void aVisitorFloodingFromTheBrowserIsWarnedThenMutedByTheModerationPlugin(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("browserflood");
        XmppTestClient boss = clients.connect("boss");
        try (BotUnderTest bot = start(room, boss.bareJid())) {
            ChatPage flooder = ChatPage.open(browsers.browser(), site(bot)).enter("Lobby", "Flooder").awaitInRoom();
            flooder.awaitPeople(people -> people.contains("Flooder (participant) (you)"));

            // Default flood rule: more than 6 messages in 4 s, 2 points; ladder: warn at 1, mute at 3.
            flood(flooder, "flood", 14);
            flooder.awaitInLog("Flooder, please stop");
            flood(flooder, "again", 14);

            flooder.awaitInLog("Flooder is now visitor, cannot speak.");
            assertThat(flooder.awaitPeople(people -> people.contains("Flooder (visitor, cannot speak) (you)")))
                    .contains("Flooder (visitor, cannot speak) (you)");
        }
    }

    @Test
    void aBannedVisitorCannotComeBackWithANewNickFromTheSameBrowserAndAnotherVisitorStillCan(TestClients clients)
            throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("browserban");
        XmppTestClient boss = clients.connect("boss");
        try (BotUnderTest bot = start(room, boss.bareJid())) {
            MultiUserChat bossRoom = boss.join(room, "Boss");
            ChatPage spammer = ChatPage.open(browsers.browser(), site(bot)).enter("Lobby", "Spammer").awaitInRoom();
            spammer.awaitPeople(people -> people.contains("Spammer (participant) (you)"));

            boss.say(room, "!ban Spammer selling things");
            Message answer = boss.awaitMessage("the ban's answer", message -> message.getBody() != null
                    && message.getBody().contains("banned on the web gateway"));
            assertThat(answer.getBody()).contains("Spammer");

            String notice = spammer.awaitNotice(text -> text.contains("banned"));
            assertThat(notice).startsWith("You were banned from the room Lobby").contains("Reason: selling things")
                    .endsWith("You cannot enter it again.");

            // The same browser, the page loaded afresh (its memory of the ban gone, its cookie kept), a new nick.
            spammer.reload().enter("Lobby", "Innocent");
            assertThat(spammer.awaitNotice(text -> text.contains("banned"))).isEqualTo("You are banned from this room.");
            assertThat(bossRoom.getOccupants()).doesNotContain(JidCreate.entityFullFrom(room,
                    Resourcepart.from("Innocent")));

            // Another browser, on the same shared account: welcome.
            ChatPage other = ChatPage.open(browsers.open(), site(bot)).enter("Lobby", "Other").awaitInRoom();
            other.awaitPeople(people -> people.contains("Other (participant) (you)"));
            await().atMost(ChatPage.WAIT).until(() -> bossRoom.getOccupants().contains(
                    JidCreate.entityFullFrom(room, Resourcepart.from("Other"))));
            other.say("Hello, I am not a spammer");
            boss.awaitBodyFrom(room, "Hello, I am not a spammer");
            assertThat(other.awaitInLog("Other: Hello, I am not a spammer")).contains("Spammer is banned");
        }
    }
}
