package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.muc.packet.Destroy;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.room.ActionResult;
import org.majordome.app.ConfigReloader;
import org.majordome.app.RunningBot;
import org.majordome.config.ConfigLoader;
import org.majordome.testing.BotConfigFile;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.CapturedLog;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerKind;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * Issue 16 item 2, retiring a room as code (XEP-0045 §10.9): a room declared {@code state: destroyed} is destroyed
 * at start and by the reload that declares it so, occupants (real clients) see the reason and the alternative room,
 * a restart does not recreate it, a room merely removed from the file is left, never destroyed, and a recreation by
 * someone else is logged.
 *
 * <p>The servers differ after the destruction, and the test pins it: Prosody keeps a tombstone that answers
 * {@code gone} to everyone but a server admin (here {@code owner}, whose join recreates the room); ejabberd forgets
 * the room ({@code item-not-found}) and lets anyone recreate it. (Smack's {@code discoverInfo} may answer from its
 * capabilities cache what an ejabberd room was before its destruction: the checks send disco#info requests of their
 * own.)
 */
@Proves(value = Feature.ROOM_RETIREMENT, difference = "A destroyed room: Prosody answers `gone` (a tombstone, for "
        + "31 days unless a server admin recreates it); ejabberd answers `item-not-found` and anyone may recreate it")
@ClassTemplate
class RoomRetirementIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults().admins("owner"));

    @TempDir
    Path dir;

    @Test
    void aRoomDeclaredDestroyedIsDestroyedAtStartWithItsReasonAndAlternativeAndARestartDoesNotRecreateIt(
            TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("retired");
        EntityBareJid home = servers.server().uniqueRoom("new-home");
        Path file = dir.resolve("bot.yml");
        Files.writeString(file, config("  - jid: " + room + "\n"));
        try (RunningBot bot = start(file)) {
            await().atMost(Duration.ofSeconds(60)).until(bot.rooms()::allJoined);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> clients.roomInfo(room).persistent());
        }
        XmppTestClient alice = clients.connect("alice");
        XmppTestClient observer = clients.connect("observer");
        List<Destroy> seen = destructionsSeenBy(alice);
        alice.join(room, "Alice");

        Files.writeString(file, config(retired(room, home)));
        try (CapturedLog log = CapturedLog.of("org.majordome.room"); RunningBot bot = start(file)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !seen.isEmpty());
            assertThat(seen.getFirst().getReason()).isEqualTo("We moved");
            assertThat((Object) seen.getFirst().getJid()).isEqualTo(home);
            await().atMost(Duration.ofSeconds(30)).until(() -> log.has("INFO", "Room " + room
                    + ": destroyed at start (reason 'We moved', alternative " + home + ")"));
            assertGone(observer, room);
            assertThat(bot.rooms().status()).isEmpty();
        }

        try (CapturedLog log = CapturedLog.of("org.majordome.room"); RunningBot bot = start(file)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> log.has("INFO", "Room " + room + ": to destroy at start, "
                    + "but it is gone already", servers.kind() == ServerKind.PROSODY ? "gone" : "item-not-found"));
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(60)).until(() -> isGone(observer, room));
            assertThat(bot.rooms().status()).isEmpty();
        }
    }

    @Test
    void aReloadThatDeclaresAKeptRoomDestroyedDestroysItLogsItAndLeavesARemovedRoomAlone(TestClients clients)
            throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("reload-retired");
        EntityBareJid removed = servers.server().uniqueRoom("reload-removed");
        EntityBareJid home = servers.server().uniqueRoom("reload-home");
        Path file = dir.resolve("bot.yml");
        Files.writeString(file, config("  - jid: " + room + "\n  - jid: " + removed + "\n"));
        XmppTestClient alice = clients.connect("alice");
        XmppTestClient observer = clients.connect("observer");
        List<Destroy> seen = destructionsSeenBy(alice);

        try (CapturedLog log = CapturedLog.of("org.majordome"); RunningBot bot = start(file)) {
            await().atMost(Duration.ofSeconds(60)).until(bot.rooms()::allJoined);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> clients.roomInfo(room).persistent()
                    && clients.roomInfo(removed).persistent());
            alice.join(room, "Alice");

            Files.writeString(file, config(retired(room, home)));
            ConfigReloader.Result reload = bot.reload();

            assertThat(reload).isInstanceOfSatisfying(ConfigReloader.Applied.class, applied -> assertThat(
                    applied.changes()).map(Object::toString).contains("left " + room, "left " + removed, "destroying " + room));
            await().atMost(Duration.ofSeconds(60)).until(() -> !seen.isEmpty());
            assertThat(seen.getFirst().getReason()).isEqualTo("We moved");
            assertThat((Object) seen.getFirst().getJid()).isEqualTo(home);
            await().atMost(Duration.ofSeconds(30)).until(() -> log.has("INFO", "Room " + room
                    + ": destroyed on configuration reload (reason 'We moved', alternative " + home + ")"));
            assertThat(log.lines()).filteredOn(line -> line.contains("Room " + room + ": destroyed")).hasSize(1);
            assertGone(observer, room);
            assertThat(discoInfoError(observer, removed)).as("a room removed from the file is left, not destroyed")
                    .isEqualTo("none");
            assertThat(bot.rooms().status()).isEmpty();

            // Someone recreates it (on Prosody only a server admin gets past the tombstone): logged once, left alone.
            clients.connect("owner").join(room, "Owner");
            await().atMost(Duration.ofSeconds(60)).until(() -> log.has("WARN", "Room " + room
                    + ": declared destroyed, but someone recreated it"));
            assertThat(bot.rooms().status()).isEmpty();
        }
    }

    /** Issue 16 item 5: a plugin destroys a kept room through its handle; the keeper does not recreate it. */
    @Test
    void aPluginDestroysAKeptRoomWithAReasonAndAnAlternativeAndTheBotDoesNotRecreateIt(TestClients clients)
            throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("api-retired");
        EntityBareJid home = servers.server().uniqueRoom("api-home");
        XmppTestClient alice = clients.connect("alice");
        XmppTestClient observer = clients.connect("observer");
        List<Destroy> seen = destructionsSeenBy(alice);
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).room(room).start()) {
            bot.awaitJoined(room);
            alice.join(room, "Alice");

            ActionResult result = bot.bot().rooms().room(room.toString()).orElseThrow()
                    .destroy("Closing time", home.toString()).toCompletableFuture().get(60, TimeUnit.SECONDS);

            assertThat(result).isEqualTo(ActionResult.DONE);
            await().atMost(Duration.ofSeconds(60)).until(() -> !seen.isEmpty());
            assertThat(seen.getFirst().getReason()).isEqualTo("Closing time");
            assertThat((Object) seen.getFirst().getJid()).isEqualTo(home);
            assertGone(observer, room);
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(60)).until(() -> isGone(observer, room));
            assertThat(bot.bot().rooms().status()).isEmpty();
        }
    }

    /** Prosody's tombstone answers {@code gone}, ejabberd {@code item-not-found}: the difference this test pins. */
    private static void assertGone(XmppTestClient observer, EntityBareJid room) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(discoInfoError(observer, room))
                .as("disco#info of %s", room)
                .isEqualTo(servers.kind() == ServerKind.PROSODY ? "gone" : "item-not-found"));
    }

    private static boolean isGone(XmppTestClient observer, EntityBareJid room) {
        return !discoInfoError(observer, room).equals("none");
    }

    /**
     * The error condition of a disco#info request to the room, "none" when it answers. A request of its own: Smack's
     * {@code discoverInfo} may answer from its entity-capabilities cache what the room was before its destruction.
     */
    private static String discoInfoError(XmppTestClient observer, EntityBareJid room) {
        try {
            observer.connection().sendIqRequestAndWaitForResponse(
                    DiscoverInfo.builder("retirement-check").to(room).ofType(IQ.Type.get).build());
            return "none";
        } catch (XMPPException.XMPPErrorException e) {
            return e.getStanzaError().getCondition().toString();
        } catch (Exception e) {
            throw new IllegalStateException("disco#info of " + room + " failed: " + e, e);
        }
    }

    /** The {@code <destroy/>} of every unavailable presence the client gets from a room (XEP-0045 §10.9). */
    private static List<Destroy> destructionsSeenBy(XmppTestClient client) {
        List<Destroy> seen = new CopyOnWriteArrayList<>();
        client.connection().addAsyncStanzaListener(stanza -> {
            MUCUser muc = MUCUser.from(stanza);
            if (muc != null && muc.getDestroy() != null) {
                seen.add(muc.getDestroy());
            }
        }, StanzaTypeFilter.PRESENCE);
        return seen;
    }

    private static String retired(EntityBareJid room, EntityBareJid home) {
        return "  - jid: " + room + "\n    state: destroyed\n    destroy-reason: We moved\n    alternative-room: "
                + home + "\n";
    }

    private static RunningBot start(Path file) throws Exception {
        return RunningBot.start(new ConfigLoader(Map.of()).load(file));
    }

    private String config(String rooms) {
        servers.server().register(BotUnderTest.ACCOUNT, BotUnderTest.PASSWORD);
        return BotConfigFile.connection(servers.server()) + """
                runtime:
                  data-directory: %s
                  reconcile-interval: 2s
                rooms:
                """.formatted(dir.resolve("data")) + rooms;
    }
}
