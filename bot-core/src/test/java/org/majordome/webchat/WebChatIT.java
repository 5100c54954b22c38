package org.majordome.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.Affiliate;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.event.Occupant;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.RoomHandle;
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
 * The web chat's gateway against a real Prosody and ejabberd, with real WebSocket clients as visitors and real
 * Smack clients beside them: each visitor is a real occupant (XEP-0045 §7.2) through a session of their own on
 * one shared account; private messages (§7.5), kicks (§8.2) and the gateway's bans reach them; a ban holds on the
 * visitor's identity, never on the shared account (§9.1 outcast), and is lifted by an unban.
 */
@Proves(Feature.WEB_CHAT)
@ClassTemplate
class WebChatIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults().admins("owner"));

    static final String ACCOUNT = "visitors";
    static final String PASSWORD = "visitors-secret";

    static WebChatSettings chat(int perRoom, Set<String> banBy) throws Exception {
        servers.server().register(ACCOUNT, PASSWORD);
        return new WebChatSettings(Optional.of(JidCreate.entityBareFrom(ACCOUNT + "@" + servers.server().domain())),
                Optional.of(new Secret(PASSWORD, "test")), perRoom, 50, 20, 30, 500, Duration.ofMinutes(30), banBy);
    }

    static BotUnderTest start(EntityBareJid room, WebChatSettings chat, String... plugins) throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "webchat-it");
        BotUnderTest bot = BotUnderTest.builder(servers.server()).dataDirectory(data)
                .room(new RoomSettings(room, Optional.empty(), Optional.empty(),
                        BotUnderTest.titled("Lobby", "Talk to the club"), List.of(plugins)).withWebChat(true))
                .web(new WebSettings("127.0.0.1", 0, Optional.empty(), List.of(), Optional.empty(), List.of(),
                        Optional.of(chat)))
                .start();
        bot.awaitJoined(room);
        return bot;
    }

    static boolean saying(Map<String, Object> frame, String from, String text) {
        return from.equals(frame.get("from")) && text.equals(frame.get("text"));
    }

    @Test
    void twoVisitorsAndAClientTalkAndAPrivateMessageReachesOnlyItsTarget(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("webtalk");
        try (BotUnderTest bot = start(room, chat(10, Set.of("cookie")));
             SocketVisitors web = SocketVisitors.serve(bot.bot().webChat().orElseThrow())) {
            XmppTestClient carol = clients.connect("carol");
            carol.join(room, "Carol");
            carol.say(room, "said before anyone came from the web");
            // Its echo proves the room has it, hence in the history a visitor joining next is sent.
            carol.awaitBodyFrom(room, "said before anyone came from the web");

            SocketVisitor ann = web.visitor();
            ann.join(room.toString(), "Ann");
            Map<String, Object> joined = ann.awaitJoined();
            assertThat(joined).containsEntry("room", room.toString()).containsEntry("nick", "Ann")
                    .containsEntry("title", "Lobby");
            ann.await("message", frame -> saying(frame, "Carol", "said before anyone came from the web")
                    && Boolean.TRUE.equals(frame.get("history")));
            ann.await("presence", frame -> "Carol".equals(frame.get("nick")) && Boolean.TRUE.equals(frame.get("present")));

            SocketVisitor bob = web.visitor();
            bob.join(room.toString(), "Bob");
            bob.awaitJoined();
            ann.await("presence", frame -> "Bob".equals(frame.get("nick")) && Boolean.TRUE.equals(frame.get("present")));

            // The room and its clients see individual occupants, not one account.
            MultiUserChat carolRoom = carol.muc(room);
            await().atMost(Duration.ofSeconds(60)).until(() -> carolRoom.getOccupants().containsAll(List.of(
                    JidCreate.entityFullFrom(room, Resourcepart.from("Ann")),
                    JidCreate.entityFullFrom(room, Resourcepart.from("Bob")))));

            ann.say("hello from the web <b>not bold</b>");
            bob.await("message", frame -> saying(frame, "Ann", "hello from the web <b>not bold</b>")
                    && Boolean.FALSE.equals(frame.get("history")));
            ann.await("message", frame -> saying(frame, "Ann", "hello from the web <b>not bold</b>")
                    && Boolean.TRUE.equals(frame.get("self")));
            carol.awaitBodyFrom(room, "hello from the web <b>not bold</b>");
            carol.say(room, "hello visitors");
            ann.await("message", frame -> saying(frame, "Carol", "hello visitors"));
            bob.await("message", frame -> saying(frame, "Carol", "hello visitors"));

            ann.whisper("Carol", "only for Carol");
            Message whisper = carol.awaitMessage("Ann's private message", message ->
                    "only for Carol".equals(message.getBody()));
            assertThat(whisper.getType()).isEqualTo(Message.Type.chat);
            assertThat(whisper.getFrom().getResourceOrEmpty().toString()).isEqualTo("Ann");
            carol.sayPrivately(room, "Bob", "only for Bob");
            bob.await("message", frame -> saying(frame, "Carol", "only for Bob")
                    && Boolean.TRUE.equals(frame.get("private")));
            ann.say("a last word in public");
            bob.await("message", frame -> saying(frame, "Ann", "a last word in public"));
            assertThat(bob.frames()).noneMatch(frame -> "only for Carol".equals(frame.get("text")));
            assertThat(ann.frames()).noneMatch(frame -> "only for Bob".equals(frame.get("text")));

            bob.leave();
            bob.await("left", frame -> true);
            ann.await("presence", frame -> "Bob".equals(frame.get("nick")) && Boolean.FALSE.equals(frame.get("present")));
        }
    }

    @Test
    void aModeratorsKickReachesTheVisitorWithItsReasonAndLimitsAndRefusalsAreTold(TestClients clients)
            throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("webkick");
        try (BotUnderTest bot = start(room, chat(2, Set.of("cookie")));
             SocketVisitors web = SocketVisitors.serve(bot.bot().webChat().orElseThrow())) {
            XmppTestClient owner = clients.connect("owner");
            MultiUserChat ownerRoom = owner.join(room, "Boss");

            SocketVisitor ann = web.visitor();
            ann.join(room.toString(), "Boss");
            ann.awaitError("nick-taken");
            ann.join(room.toString(), "Ann");
            ann.awaitJoined();
            SocketVisitor bob = web.visitor();
            bob.join(room.toString(), "Bob");
            bob.awaitJoined();
            SocketVisitor third = web.visitor();
            third.join(room.toString(), "Third");
            third.awaitError("full");
            third.join("elsewhere@" + room.getDomain(), "Third");
            third.awaitError("not-allowed");

            ownerRoom.kickParticipant(Resourcepart.from("Ann"), "mind your language");
            Map<String, Object> removed = ann.await("removed", frame -> true);
            assertThat(removed).containsEntry("how", "kicked").containsEntry("reason", "mind your language")
                    .containsEntry("by", "Boss");
            // The socket stays open; the place is free again, and the visitor may come back.
            assertThat(ann.isOpen()).isTrue();
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.bot().webChat().orElseThrow().visitors() == 1);
            third.join(room.toString(), "Third");
            third.awaitJoined();
            ann.join(room.toString(), "Ann");
            ann.awaitError("full");
        }
    }

    @Test
    void aBannedVisitorCannotComeBackWithANewNickAndTheSharedAccountIsNotOutcast(TestClients clients)
            throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("webban");
        try (BotUnderTest bot = start(room, chat(10, Set.of("cookie")));
             SocketVisitors web = SocketVisitors.serve(bot.bot().webChat().orElseThrow())) {
            XmppTestClient owner = clients.connect("owner");
            MultiUserChat ownerRoom = owner.join(room, "Boss");
            SocketVisitor spammer = web.visitor();
            spammer.join(room.toString(), "Spammer");
            spammer.awaitJoined();
            SocketVisitor secondTab = web.visitor(spammer.cookie(), web.origin());
            secondTab.join(room.toString(), "AlsoSpammer");
            secondTab.awaitJoined();

            RoomHandle handle = bot.bot().rooms().room(room.toString()).orElseThrow();
            Occupant occupant = await().atMost(Duration.ofSeconds(60))
                    .until(() -> handle.occupant("Spammer").filter(found -> found.realJid().isPresent()),
                            Optional::isPresent).orElseThrow();
            String sessionJid = occupant.realJid().orElseThrow();
            assertThat(sessionJid).startsWith(ACCOUNT + "@").contains("/majordome-web-");
            // What the moderation plugin calls, with the occupant's real JID.
            ActionResult banned = handle.ban(sessionJid, "spam").toCompletableFuture().get();
            assertThat(banned).isEqualTo(new ActionResult.Done("banned on the web gateway"));
            Map<String, Object> removed = spammer.await("removed", frame -> true);
            assertThat(removed).containsEntry("how", "banned").containsEntry("reason", "spam");
            // The same browser's other tab is out of the room too.
            assertThat(secondTab.await("removed", frame -> true)).containsEntry("how", "banned");
            await().atMost(Duration.ofSeconds(60)).until(() -> handle.occupant("AlsoSpammer").isEmpty());

            // Same browser, new nick, new socket: refused.
            SocketVisitor again = web.visitor(spammer.cookie(), web.origin());
            again.join(room.toString(), "Innocent");
            again.awaitError("banned");
            // The account every visitor shares is not an outcast: another visitor comes in.
            assertThat(ownerRoom.getOutcasts()).extracting(Affiliate::getJid)
                    .noneMatch(jid -> jid.asBareJid().toString().startsWith(ACCOUNT + "@"));
            SocketVisitor other = web.visitor();
            other.join(room.toString(), "Other");
            other.awaitJoined();
            // The shared account itself is not banned either when named bare.
            assertThat(handle.ban(ACCOUNT + "@" + servers.server().domain(), "all of them").toCompletableFuture()
                    .get()).isInstanceOf(ActionResult.Refused.class);

            assertThat(handle.unban(sessionJid).toCompletableFuture().get())
                    .isEqualTo(new ActionResult.Done("unbanned on the web gateway"));
            again.join(room.toString(), "Innocent");
            again.awaitJoined();
        }
    }

    @Test
    void theRoutesServeThePageTheWebRoomsAndAnIdentityCookie(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("webroutes");
        try (BotUnderTest bot = start(room, chat(10, Set.of("cookie")));
             SocketVisitors web = SocketVisitors.serve(bot.bot().webChat().orElseThrow())) {
            var rooms = web.get("/chat/rooms", null);
            assertThat(rooms.getStatus()).isEqualTo(200);
            assertThat(rooms.getHeaders().get("Content-Type")).startsWith("application/json");
            assertThat(rooms.getHeaders().get("Set-Cookie")).startsWith("majordome_visitor=")
                    .contains("HttpOnly").contains("SameSite=Lax").contains("Path=/chat").doesNotContain("Secure");
            List<Map<String, Object>> listed = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readValue(rooms.getContentAsString(), new com.fasterxml.jackson.core.type.TypeReference<>() { });
            assertThat(listed).singleElement().satisfies(entry -> assertThat(entry)
                    .containsEntry("jid", room.toString()).containsEntry("title", "Lobby")
                    .containsEntry("description", "Talk to the club").containsKeys("subject", "occupants"));
            String cookie = web.newCookie();
            assertThat(web.get("/chat/rooms", cookie).getHeaders().get("Set-Cookie")).as("a known visitor").isNull();

            web.get("/chat/", null);
            web.get("/chat/assets/chat.js", null);
            assertThat(web.get("/chat/assets/..%2Fsecret", null).getStatus()).isIn(400, 404);
            assertThat(web.get("/chat/assets/.hidden", null).getStatus()).isEqualTo(404);
            assertThat(web.get("/chat/nothing", null).getStatus()).isEqualTo(404);
            assertThat(web.filesAsked()).containsExactly("org/majordome/webchat/page/index.html",
                    "org/majordome/webchat/page/chat.js");
        }
    }

    @Test
    void hostileFramesAndForeignPagesNeverCrashTheGateway(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("webhostile");
        try (BotUnderTest bot = start(room, chat(10, Set.of("cookie")));
             SocketVisitors web = SocketVisitors.serve(bot.bot().webChat().orElseThrow())) {
            String cookie = web.newCookie();
            assertThatThrownBy(() -> web.visitor(cookie, "https://evil.example")).as("another site's page")
                    .isInstanceOf(Exception.class);
            assertThatThrownBy(() -> web.visitor(null, web.origin())).as("no identity cookie")
                    .isInstanceOf(Exception.class);
            assertThatThrownBy(() -> web.visitor("majordome_visitor=forged.value", web.origin()))
                    .isInstanceOf(Exception.class);

            SocketVisitor hostile = web.visitor(cookie, web.origin());
            List<String> garbage = List.of("", "not json", "[]", "{\"type\":\"say\"}", "{\"type\":\"dance\"}",
                    "{\"type\":\"join\",\"room\":{\"a\":\"b\"},\"nick\":\"x\"}", "{" + "\"a\":[".repeat(3000),
                    "{\"type\":\"say\",\"text\":\"before joining\"}",
                    "{\"type\":\"join\",\"room\":\"" + room + "\",\"nick\":\"\u202Eevil\"}",
                    "{\"type\":\"join\",\"room\":\"not a jid @@@\",\"nick\":\"x\"}");
            for (String frame : garbage) {
                hostile.send(frame);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> hostile.frames().stream()
                    .filter(frame -> "error".equals(frame.get("type"))).count() >= garbage.size() - 1);
            assertThat(hostile.isOpen()).isTrue();
            hostile.join(room.toString(), "Survivor");
            hostile.awaitJoined();
            hostile.say("x".repeat(501));
            hostile.awaitError("too-long");
            // A frame bigger than the socket takes closes that socket only.
            hostile.send("{\"type\":\"say\",\"text\":\"" + "y".repeat(Frames.MAX_FRAME_CHARS * 2) + "\"}");
            await().atMost(Duration.ofSeconds(60)).until(() -> !hostile.isOpen());
            SocketVisitor fine = web.visitor();
            fine.join(room.toString(), "Fine");
            fine.awaitJoined();
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.bot().webChat().orElseThrow().visitors() == 1);
        }
    }
}
