package org.majordome.webchat;

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
import org.majordome.testing.Browser;
import org.majordome.testing.BrowserExtension;
import org.majordome.testing.ChatPage;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;
import org.openqa.selenium.Dimension;

/**
 * The web chat end to end, as visitors meet it: the real bot with {@code web:} and {@code web.chat:} configured
 * serves the page and the socket on its own embedded server, real headless Chromium browsers are the visitors, and
 * real Smack clients sit beside them in the room, on a real Prosody and ejabberd. Two visitors and a client talk
 * (XEP-0045 §7.4), a private message (§7.5) reaches only its target, a moderator's kick (§8.2) shows in the browser
 * with its reason, and hostile markup, bidi controls and huge strings from XMPP are shown as text, running nothing.
 */
@Proves(Feature.WEB_CHAT)
@ClassTemplate
class WebChatBrowserIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults().admins("owner"));

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    /** Where the conversation test leaves its screenshot (the README's picture is made from it). */
    static final Path SCREENSHOT = Path.of("target", "webchat.png");

    private static BotUnderTest start(EntityBareJid room, int maxMessageLength) throws Exception {
        servers.server().register("visitors", "visitors-secret");
        WebChatSettings chat = new WebChatSettings(
                Optional.of(JidCreate.entityBareFrom("visitors@" + servers.server().domain())),
                Optional.of(new Secret("visitors-secret", "test")), 20, 50, 20, 60, maxMessageLength,
                Duration.ofMinutes(30), Set.of("cookie"));
        BotUnderTest bot = BotUnderTest.builder(servers.server())
                .dataDirectory(Files.createTempDirectory(Path.of("target"), "webchat-browser-it"))
                .room(new RoomSettings(room, Optional.empty(), Optional.empty(),
                        BotUnderTest.titled("Lobby", "Where the club meets"), List.of()).withWebChat(true))
                .web(new WebSettings("127.0.0.1", 0, Optional.empty(), List.of(), Optional.empty(), List.of(),
                        Optional.of(chat)))
                .start();
        bot.awaitJoined(room);
        return bot;
    }

    /** The bot's own web server, as a visitor's browser reaches it. */
    private static URI site(BotUnderTest bot) {
        return URI.create("http://127.0.0.1:" + bot.bot().webPort().orElseThrow() + "/");
    }

    @Test
    void twoBrowserVisitorsAndAClientTalkAndAPrivateMessageReachesOnlyItsTarget(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("browsertalk");
        try (BotUnderTest bot = start(room, 1000)) {
            // The room's owner, in a desktop client: a moderator there.
            XmppTestClient carol = clients.connect("owner");
            MultiUserChat carolRoom = carol.join(room, "Carol");
            carolRoom.changeSubject("Quiz night: teams of two, questions at nine");
            carol.say(room, "Welcome to the club night!");
            // Its echo proves the room has it, hence in the history Ann is sent on entering.
            carol.awaitBodyFrom(room, "Welcome to the club night!");

            ChatPage ann = ChatPage.open(browsers.browser(), site(bot)).enter("Lobby", "Ann").awaitInRoom();
            ann.awaitInLog("Carol: Welcome to the club night!");
            assertThat(Browser.text(ann.browser().byRole("region", "Lobby")))
                    .contains("Subject: Quiz night: teams of two, questions at nine");
            ChatPage bob = ChatPage.open(browsers.open(), site(bot)).enter("Lobby", "Bob").awaitInRoom();
            ann.awaitInLog("Bob joined the room.");
            assertThat(bob.awaitPeople(people -> people.contains("Ann") && people.contains("Carol")))
                    .contains("Bob (participant) (you)").contains("Carol (moderator)");

            // The room's clients see each visitor as an occupant of their own.
            await().atMost(ChatPage.WAIT).until(() -> carolRoom.getOccupants().containsAll(List.of(
                    JidCreate.entityFullFrom(room, Resourcepart.from("Ann")),
                    JidCreate.entityFullFrom(room, Resourcepart.from("Bob")))));

            ann.say("Hello everyone, Ann from the web here");
            bob.awaitInLog("Ann: Hello everyone, Ann from the web here");
            carol.awaitBodyFrom(room, "Hello everyone, Ann from the web here");
            bob.say("Hi Ann, hi Carol");
            ann.awaitInLog("Bob: Hi Ann, hi Carol");
            carol.awaitBodyFrom(room, "Hi Ann, hi Carol");
            carol.say(room, "Hello both of you, the quiz starts at nine");
            ann.awaitInLog("Carol: Hello both of you, the quiz starts at nine");
            bob.awaitInLog("Carol: Hello both of you, the quiz starts at nine");

            ann.sayPrivately("Bob", "Psst, Bob: shall we make a team?");
            bob.awaitInLog("Ann (private): Psst, Bob: shall we make a team?");
            carol.sayPrivately(room, "Ann", "Only for Ann: the answers are on the back");
            ann.awaitInLog("Carol (private): Only for Ann: the answers are on the back");
            // A public line after both, so that a stray copy of either would have arrived before it.
            carol.say(room, "Good luck to every team");
            bob.awaitInLog("Carol: Good luck to every team");
            String annSees = ann.awaitInLog("Carol: Good luck to every team");
            carol.awaitBodyFrom(room, "Good luck to every team");

            assertThat(bob.log()).doesNotContain("the answers are on the back");
            // The sender sees her own private line, marked as such.
            assertThat(annSees).contains("Ann (private, to Bob): Psst, Bob: shall we make a team?");
            assertThat(carol.received()).extracting(Message::getBody).doesNotContain("Psst, Bob: shall we make a team?");
            // The whole page (the composer too) for the README's picture.
            ann.browser().driver().manage().window().setSize(new Dimension(1200, 1000));
            ann.screenshot(SCREENSHOT);
            ann.browser().driver().manage().window().setSize(new Dimension(1280, 900));
            ann.assertNoConsoleErrors();
            bob.assertNoConsoleErrors();
        }
    }

    @Test
    void aModeratorsKickFromAClientShowsInTheBrowserWithItsReason(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("browserkick");
        try (BotUnderTest bot = start(room, 1000)) {
            XmppTestClient owner = clients.connect("owner");
            MultiUserChat ownerRoom = owner.join(room, "Boss");
            ChatPage ann = ChatPage.open(browsers.browser(), site(bot)).enter("Lobby", "Ann").awaitInRoom();
            ann.awaitPeople(people -> people.contains("Boss (moderator)"));

            ownerRoom.kickParticipant(Resourcepart.from("Ann"), "Mind your language");

            assertThat(ann.awaitNotice(notice -> notice.contains("kicked"))).isEqualTo("You were removed (kicked) "
                    + "from the room Lobby by Boss. Reason: Mind your language. You may enter a room again.");
            // Kicked, not banned: the same visitor may come back.
            ann.enter("Lobby", "Ann").awaitInRoom();
            ann.awaitPeople(people -> people.contains("Ann (participant) (you)"));
        }
    }

    @Test
    void hostileMarkupBidiControlsAndHugeStringsInMessagesAndNicksAreShownAsText(TestClients clients)
            throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("browserhostile");
        String markupNick = "<img src=x onerror=alert(1)>";
        String hugeNick = "N".repeat(300);
        String huge = "0123456789".repeat(5_000);
        try (BotUnderTest bot = start(room, 60_000)) {
            XmppTestClient mallory = clients.connect("mallory");
            mallory.join(room, markupNick);
            XmppTestClient longName = clients.connect("longname");
            longName.join(room, hugeNick);
            ChatPage vera = ChatPage.open(browsers.browser(), site(bot)).enter("Lobby", "\u202Eevil\u202C nick");
            // A nick that hides or reorders text is refused by the gateway, in plain words.
            assertThat(vera.awaitNotice(notice -> notice.contains("nick"))).contains("visible characters");
            vera.enter("Lobby", "<script>alert(2)</script>").awaitInRoom();
            vera.awaitPeople(people -> people.contains(markupNick) && people.contains(hugeNick));

            mallory.say(room, "<img src=x onerror=alert(3)>");
            mallory.say(room, "<script>alert(4)</script><b>bold?</b>");
            mallory.say(room, "\u202Eesrever\u202C and \u2067isolated\u2069 end");
            longName.say(room, huge);
            vera.say("<img src=x onerror=alert(5)> from the browser \u202Eright to left");

            vera.awaitInLog(markupNick + ": <img src=x onerror=alert(3)>");
            vera.awaitInLog(markupNick + ": <script>alert(4)</script><b>bold?</b>");
            vera.awaitInLog(markupNick + ": \u202Eesrever\u202C and \u2067isolated\u2069 end");
            vera.awaitInLog(hugeNick + ": " + huge);
            vera.awaitInLog("<script>alert(2)</script>: <img src=x onerror=alert(5)> from the browser \u202Eright to left");
            mallory.awaitBodyFrom(room, "<img src=x onerror=alert(5)> from the browser \u202Eright to left");

            assertThat(vera.dialogOpen()).as("a dialog opened by injected script").isFalse();
            assertThat(vera.elements("img, svg, b, iframe, object")).isZero();
            assertThat(vera.browser().script("return Array.from(document.scripts).map(s => s.getAttribute('src'))"
                    + ".join(' ')")).isEqualTo("assets/chat.js");
            assertThat(vera.fitsTheWindow()).as("the huge message and nick are wrapped").isTrue();
            vera.assertNoConsoleErrors();
        }
    }
}
