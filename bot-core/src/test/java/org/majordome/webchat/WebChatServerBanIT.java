package org.majordome.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jivesoftware.smackx.muc.Affiliate;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.Role;
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
 * Bans of web visitors that do not come through the bot's {@code !ban}, against a real Prosody and ejabberd with
 * WebSocket clients as visitors: an owner's XMPP client outcasts a visitor's occupant on the server (XEP-0045 §9.1,
 * the muc#admin item with the occupant's real JID made bare, as clients send it: Prosody refuses a full JID), which
 * would keep every visitor out since they share one account; the same ban when several visitors are in, which the
 * server removes all at once; a ban naming a visitor's session after the bot restarted (a sanction settled again,
 * a moderator's ban of someone gone); an outcast of the account itself while no visitor was in; and a moderator's
 * mute of one visitor, which must not pass to the next visitor through the account.
 */
@Proves(Feature.WEB_CHAT)
@ClassTemplate
class WebChatServerBanIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults().admins("owner"));

    static final String ACCOUNT = "visitors";

    static WebChatSettings chat() throws Exception {
        servers.server().register(ACCOUNT, "visitors-secret");
        return new WebChatSettings(Optional.of(JidCreate.entityBareFrom(ACCOUNT + "@" + servers.server().domain())),
                Optional.of(new Secret("visitors-secret", "test")), 10, 50, 20, 30, 500, Duration.ofMinutes(30),
                Set.of("cookie"));
    }

    static BotUnderTest start(EntityBareJid room, WebChatSettings chat, Path data) {
        BotUnderTest bot = BotUnderTest.builder(servers.server()).dataDirectory(data)
                .room(new RoomSettings(room, Optional.empty(), Optional.empty(),
                        BotUnderTest.titled("Lobby", "Talk to the club"), List.of()).withWebChat(true))
                .web(new WebSettings("127.0.0.1", 0, Optional.empty(), List.of(), Optional.empty(), List.of(),
                        Optional.of(chat)))
                .start();
        bot.awaitJoined(room);
        return bot;
    }

    static String sessionOf(RoomHandle handle, String nick) {
        Occupant occupant = await().atMost(Duration.ofSeconds(60))
                .until(() -> handle.occupant(nick).filter(found -> found.realJid().isPresent()),
                        Optional::isPresent).orElseThrow();
        return occupant.realJid().orElseThrow();
    }

    static boolean accountIsOutcast(MultiUserChat room) throws Exception {
        return room.getOutcasts().stream().map(Affiliate::getJid)
                .anyMatch(jid -> jid.asBareJid().toString().startsWith(ACCOUNT + "@"));
    }

    @Test
    void anOwnersServerSideBanOfAVisitorsOccupantOutcastTheSharedAccountAndKeptEveryVisitorOut(TestClients clients)
            throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("webserverban");
        Path data = Files.createTempDirectory(Path.of("target"), "webchat-it");
        try (BotUnderTest bot = start(room, chat(), data);
             SocketVisitors web = SocketVisitors.serve(bot.bot().webChat().orElseThrow())) {
            XmppTestClient owner = clients.connect("owner");
            MultiUserChat ownerRoom = owner.join(room, "Boss");
            SocketVisitor spammer = web.visitor();
            spammer.join(room.toString(), "Spammer");
            spammer.awaitJoined();
            RoomHandle handle = bot.bot().rooms().room(room.toString()).orElseThrow();
            String sessionJid = sessionOf(handle, "Spammer");

            // What an XMPP client's "ban" sends, past the bot: affiliation outcast for the occupant's real JID, bare
            // (Prosody refuses a full one: jid-malformed).
            ownerRoom.banUser(JidCreate.from(sessionJid).asBareJid(), "spam from the web");

            Map<String, Object> removed = spammer.await("removed", frame -> true);
            assertThat(removed).containsEntry("how", "banned").containsEntry("reason", "spam from the web");
            // The bot gives the shared account back its place at once...
            await().atMost(Duration.ofSeconds(60)).until(() -> !accountIsOutcast(ownerRoom));
            // ...so another visitor still comes in and talks,
            SocketVisitor other = web.visitor();
            other.join(room.toString(), "Other");
            other.awaitJoined();
            other.say("still welcome here");
            owner.awaitBodyFrom(room, "still welcome here");
            // while the banned browser, under a new nick, is refused by the gateway.
            SocketVisitor again = web.visitor(spammer.cookie(), web.origin());
            again.join(room.toString(), "Innocent");
            again.awaitError("banned");
            assertThat(handle.banList().toCompletableFuture().get()).hasValueSatisfying(list ->
                    assertThat(list).contains(sessionJid.toLowerCase(java.util.Locale.ROOT)));
        }
    }

    /**
     * ejabberd remembers the role a moderator last gave an account in a moderated room (its default) and gives it to
     * that account's next occupant: one visitor muted by a moderator's client made every later visitor enter without
     * voice. Prosody remembers no role; the test holds there too.
     */
    @Test
    void aVisitorMutedOnTheServerMadeEveryNextVisitorEnterWithoutVoice(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("webmute");
        Path data = Files.createTempDirectory(Path.of("target"), "webchat-it");
        try (BotUnderTest bot = start(room, chat(), data);
             SocketVisitors web = SocketVisitors.serve(bot.bot().webChat().orElseThrow())) {
            XmppTestClient owner = clients.connect("owner");
            MultiUserChat ownerRoom = owner.join(room, "Boss");
            RoomHandle handle = bot.bot().rooms().room(room.toString()).orElseThrow();
            SocketVisitor noisy = web.visitor();
            noisy.join(room.toString(), "Noisy");
            noisy.awaitJoined();
            await().atMost(Duration.ofSeconds(60)).until(() -> roleOf(handle, "Noisy") == Role.PARTICIPANT);

            ownerRoom.revokeVoice(Resourcepart.from("Noisy"));
            noisy.await("presence", frame -> "Noisy".equals(frame.get("nick")) && "visitor".equals(frame.get("role")));
            noisy.leave();
            await().atMost(Duration.ofSeconds(60)).until(() -> handle.occupant("Noisy").isEmpty());

            SocketVisitor fresh = web.visitor();
            fresh.join(room.toString(), "Fresh");
            fresh.awaitJoined();
            await().atMost(Duration.ofSeconds(60)).until(() -> roleOf(handle, "Fresh") == Role.PARTICIPANT);
            fresh.say("nobody muted me");
            owner.awaitBodyFrom(room, "nobody muted me");
        }
    }

    private static Role roleOf(RoomHandle handle, String nick) {
        return handle.occupant(nick).map(Occupant::role).orElse(Role.NONE);
    }

    @Test
    void aServerSideBanWithSeveralVisitorsInBannedEveryVisitorThroughTheSharedAccount(TestClients clients)
            throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("webserverbanmany");
        Path data = Files.createTempDirectory(Path.of("target"), "webchat-it");
        try (BotUnderTest bot = start(room, chat(), data);
             SocketVisitors web = SocketVisitors.serve(bot.bot().webChat().orElseThrow())) {
            XmppTestClient owner = clients.connect("owner");
            MultiUserChat ownerRoom = owner.join(room, "Boss");
            SocketVisitor spammer = web.visitor();
            spammer.join(room.toString(), "Spammer");
            spammer.awaitJoined();
            SocketVisitor bystander = web.visitor();
            bystander.join(room.toString(), "Bystander");
            bystander.awaitJoined();
            RoomHandle handle = bot.bot().rooms().room(room.toString()).orElseThrow();
            String sessionJid = sessionOf(handle, "Spammer");

            ownerRoom.banUser(JidCreate.from(sessionJid).asBareJid(), "spam from the web");

            // The server removed both: nobody can tell whom the ban was for, so neither is banned on the gateway.
            assertThat(spammer.await("removed", frame -> true)).containsEntry("how", "kicked")
                    .containsEntry("reason", "spam from the web");
            assertThat(bystander.await("removed", frame -> true)).containsEntry("how", "kicked");
            await().atMost(Duration.ofSeconds(60)).until(() -> !accountIsOutcast(ownerRoom));
            bystander.join(room.toString(), "Bystander");
            await().atMost(Duration.ofSeconds(60)).until(() -> bystander.frames().stream()
                    .filter(frame -> "joined".equals(frame.get("type"))).count() == 2);
            bystander.say("back in");
            owner.awaitBodyFrom(room, "back in");
        }
    }

    @Test
    void theSharedAccountBannedOnTheServerWhileNoVisitorWasInKeptEveryVisitorOut(TestClients clients)
            throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("webaccountban");
        Path data = Files.createTempDirectory(Path.of("target"), "webchat-it");
        try (BotUnderTest bot = start(room, chat(), data);
             SocketVisitors web = SocketVisitors.serve(bot.bot().webChat().orElseThrow())) {
            XmppTestClient owner = clients.connect("owner");
            MultiUserChat ownerRoom = owner.join(room, "Boss");
            ownerRoom.banUser(JidCreate.from(ACCOUNT + "@" + servers.server().domain()), "nobody from the web");
            assertThat(accountIsOutcast(ownerRoom)).isTrue();

            // The room refuses the visitor as banned; the gateway bans nobody, so the account is put back and the
            // visitor enters.
            SocketVisitor visitor = web.visitor();
            visitor.join(room.toString(), "Newcomer");
            visitor.awaitJoined();
            assertThat(accountIsOutcast(ownerRoom)).isFalse();
            visitor.say("in after all");
            owner.awaitBodyFrom(room, "in after all");
        }
    }

    @Test
    void aBanOfAVisitorWhoLeftBeforeTheBotRestartedWasRefusedBecauseTheGatewayForgotTheSession(TestClients clients)
            throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("webrestartban");
        Path data = Files.createTempDirectory(Path.of("target"), "webchat-it");
        WebChatSettings chat = chat();
        String sessionJid;
        String cookie;
        try (BotUnderTest bot = start(room, chat, data);
             SocketVisitors web = SocketVisitors.serve(bot.bot().webChat().orElseThrow())) {
            SocketVisitor leaver = web.visitor();
            leaver.join(room.toString(), "Leaver");
            leaver.awaitJoined();
            sessionJid = sessionOf(bot.bot().rooms().room(room.toString()).orElseThrow(), "Leaver");
            cookie = leaver.cookie();
            leaver.leave();
            leaver.await("left", frame -> true);
        }

        try (BotUnderTest bot = start(room, chat, data);
             SocketVisitors web = SocketVisitors.serve(bot.bot().webChat().orElseThrow())) {
            RoomHandle handle = bot.bot().rooms().room(room.toString()).orElseThrow();
            XmppTestClient owner = clients.connect("owner");
            MultiUserChat ownerRoom = owner.join(room, "Boss");

            assertThat(handle.ban(sessionJid, "spam before the restart").toCompletableFuture().get())
                    .isEqualTo(new ActionResult.Done("banned on the web gateway"));
            // Banning again (a sanction settled a second time) is no harm.
            assertThat(handle.ban(sessionJid, "spam before the restart").toCompletableFuture().get().succeeded())
                    .isTrue();
            // What the moderation plugin's reconciler reads to know the ban holds.
            assertThat(handle.banList().toCompletableFuture().get()).hasValueSatisfying(list ->
                    assertThat(list).contains(sessionJid.toLowerCase(java.util.Locale.ROOT)));
            SocketVisitor again = web.visitor(cookie, web.origin());
            again.join(room.toString(), "Returning");
            again.awaitError("banned");
            assertThat(accountIsOutcast(ownerRoom)).isFalse();
            SocketVisitor other = web.visitor();
            other.join(room.toString(), "Other");
            other.awaitJoined();
        }
    }
}
