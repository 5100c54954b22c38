package org.majordome.plugins.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.plugins.testsupport.HostileInput;
import org.majordome.room.RoomStatus;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.RoomDiscoInfo;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppServer;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * The bot, with the core and moderation plugins, against a server that crashes or hangs and against hostile
 * messages: it comes back to every room, loses no case, answers nothing twice, and never stalls.
 */
@Proves(Feature.COMES_BACK)
@ClassTemplate
class ResilienceIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    @TempDir
    Path data;

    /** The server is killed (SIGKILL) while a flood is being handled, then restarted on the same port and data. */
    @Test
    void afterAServerCrashDuringAFloodEveryRoomIsBackAndFloodsAreStillHandled(TestClients clients) {
        XmppServer server = servers.server();
        List<EntityBareJid> rooms = List.of(server.uniqueRoom("crash-flood"), server.uniqueRoom("crash-b"),
                server.uniqueRoom("crash-c"));
        XmppTestClient boss = clients.connect("boss");
        BotUnderTest.Builder builder = BotUnderTest.builder(server).backoffMax(Duration.ofSeconds(1))
                .admin(boss.bareJid()).dataDirectory(data).pluginConfig("moderation", """
                        ladder: [{points: 1, action: warn}, {points: 3, action: mute, duration: 1h}]
                        flood: {max-messages: 3, per: 30s}
                        repetition: {enabled: false}
                        """);
        rooms.forEach(room -> builder.room(room, BotUnderTest.titled("Title of " + room.getLocalpart(), "Kept"),
                "core", "moderation"));
        EntityBareJid room = rooms.getFirst();
        try (BotUnderTest bot = builder.start()) {
            bot.awaitJoined(rooms.toArray(EntityBareJid[]::new));
            XmppTestClient flooder = clients.connect("flooder");
            flooder.join(room, "flooder");
            boss.join(room, "boss");
            for (int i = 0; i < 8; i++) {
                flooder.say(room, "flood before the crash, message " + (char) ('a' + i));
            }
            List<String> casesBefore = cases(boss, room);
            assertThat(casesBefore).as("cases recorded before the crash").isNotEmpty();
            for (int i = 0; i < 20; i++) { // the crash lands in the middle of this
                flooder.say(room, "flood during the crash, message " + (char) ('a' + i));
            }
            server.kill();
            await().atMost(Duration.ofSeconds(60)).until(() -> !bot.bot().session().isOnline());
            server.start();

            bot.awaitJoined(rooms.toArray(EntityBareJid[]::new));
            for (EntityBareJid each : rooms) {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                    RoomDiscoInfo info = clients.roomInfo(each);
                    assertThat(info.persistent()).isTrue();
                    assertThat(info.title()).contains("Title of " + each.getLocalpart());
                });
            }
            XmppTestClient flooderAgain = clients.connectExisting("flooder", TestClients.passwordOf("flooder"),
                    TestClients.Transport.PLAIN);
            XmppTestClient bossAgain = clients.connectExisting("boss", TestClients.passwordOf("boss"),
                    TestClients.Transport.PLAIN);
            MultiUserChat watched = bossAgain.join(room, "boss");
            flooderAgain.join(room, "flooder");
            for (int i = 0; i < 8; i++) {
                flooderAgain.say(room, "flood after the recovery, message " + (char) ('a' + i));
            }
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> assertThat(
                    watched.getOccupant(JidCreate.entityFullFrom(room + "/flooder")).getRole())
                    .isEqualTo(MUCRole.visitor));
            assertThat(cases(bossAgain, room)).as("every case from before the crash is still listed")
                    .containsAll(casesBefore);
        }
    }

    /**
     * The server is frozen (SIGSTOP) and resumed: the bot notices the dead stream by its keepalive ping (5 s here;
     * 60 s by default) within ping interval + reply timeout, reconnects (resuming the session or rejoining), and
     * answers each command exactly once: nothing replayed twice by stream management.
     */
    @Test
    void aFrozenServerIsDetectedByPingAndTheBotComesBackAnsweringOnce(TestClients clients) {
        XmppServer server = servers.server();
        EntityBareJid room = server.uniqueRoom("frozen");
        try (BotUnderTest bot = BotUnderTest.builder(server).pingInterval(Duration.ofSeconds(5))
                .backoffMax(Duration.ofSeconds(1)).dataDirectory(data).account("frozenbot")
                .room(room, "core").start()) {
            bot.awaitJoined(room);
            XmppTestClient user = clients.connect("pinger");
            user.join(room, "pinger");
            user.say(room, "!ping");
            await().atMost(Duration.ofSeconds(60)).until(() -> pongs(user, room) == 1);

            server.freeze();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> !bot.bot().session().isOnline());
            } finally {
                server.thaw();
            }

            // Back by stream resumption (the server still holds the session after a short freeze) or by rejoining.
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.bot().session().isOnline()
                    && bot.status(room).state() == RoomStatus.State.JOINED);
            assertThat(bot.status(room).nick()).as("no second bot occupant took a suffixed nick")
                    .isEqualTo("Majordome");
            user.say(room, "!ping");
            await().atMost(Duration.ofSeconds(60)).until(() -> pongs(user, room) >= 2);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(60)).until(() -> pongs(user, room) == 2);
        }
    }

    /**
     * Hostile messages (huge bodies, deep combining sequences, bidi controls, inputs that make backtracking
     * regular expressions explode, malformed mentions and commands; a fixed list, then 120 generated by
     * {@link HostileInput} with a seed) go through the real bot with every moderation rule on (dry run, so the
     * sender stays to send them all), and intruders join under generated hostile nicks (those the server
     * accepts) and speak: afterwards the bot still answers {@code !ping}, in a bounded wait.
     */
    @Test
    void hostileMessagesNeitherCrashNorStallTheBot(TestClients clients) {
        XmppServer server = servers.server();
        EntityBareJid room = server.uniqueRoom("hostile");
        try (BotUnderTest bot = BotUnderTest.builder(server).dataDirectory(data).account("hostilebot")
                .room(room, "core", "moderation").pluginConfig("moderation", """
                        dry-run: true
                        words: {words: [spam*, bad], patterns: ['(a+)+b', '(x|x)*y', '.*.*.*=.*', '(\\w+\\s?)*$']}
                        links: {deny-domains: [example.com]}
                        nicknames: {protected-nicks: [admin]}
                        """).start()) {
            bot.awaitJoined(room);
            XmppTestClient attacker = clients.connect("attacker");
            attacker.join(room, "attacker");
            for (String body : hostileBodies()) {
                attacker.say(room, body);
            }
            Random random = new Random(HOSTILE_SEED);
            for (int i = 0; i < 120; i++) {
                attacker.say(room, sendable(HostileInput.body(random, i)));
            }
            for (int i = 0; i < 6; i++) {
                XmppTestClient intruder = clients.connect("intruder" + i);
                try {
                    intruder.join(room, sendable(HostileInput.nick(random)));
                } catch (IllegalArgumentException | IllegalStateException refusedByTheServerOrSmack) {
                    continue; // not a nick a client can use: nothing reaches the bot
                }
                intruder.say(room, sendable(HostileInput.body(random, i)));
                intruder.say(room, "@Majordome !ping " + sendable(HostileInput.body(random, 7)));
            }
            XmppTestClient user = clients.connect("regular");
            user.join(room, "regular");
            user.say(room, "!ping");
            Message pong = user.awaitMessage("pong after the barrage", message -> message.getBody() != null
                    && room.equals(message.getFrom().asBareJid()) && message.getBody().contains("pong"));
            assertThat(pong.getBody()).contains("pong");
            assertThat(bot.bot().isRunning()).isTrue();
            assertThat(bot.status(room).state()).isEqualTo(RoomStatus.State.JOINED);
        }
    }

    private static final long HOSTILE_SEED = 0x0057_11eL;

    /** What a client can send: XML-safe and well under the servers' stanza size limits (256 KiB by default). */
    private static String sendable(String text) {
        String safe = HostileInput.xmlSafe(text);
        if (safe.length() <= 40_000) {
            return safe;
        }
        int end = Character.isLowSurrogate(safe.charAt(40_000)) ? 39_999 : 40_000;
        return safe.substring(0, end);
    }

    static List<String> hostileBodies() {
        return List.of(
                "A".repeat(100_000),
                "spam ".repeat(20_000),
                "e" + "\u0301".repeat(50_000),
                ("Z" + "\u0336\u0334\u0338\u0335\u0337".repeat(40)).repeat(200),
                "\u202e\u2066\u2067\u2068\u2069\u200f\u200e\u061c".repeat(5_000) + "admin",
                "a".repeat(30_000) + "!",
                "x".repeat(30_000),
                "=".repeat(10_000) + "a".repeat(10_000),
                "word ".repeat(10_000) + "!",
                "@".repeat(10_000),
                "@Majordome ".repeat(5_000),
                "@attacker @regular @ @@ @@@ " + "@\u200b".repeat(5_000),
                "!" + "!".repeat(10_000),
                "!ping " + "x".repeat(50_000),
                "!cases " + "\"".repeat(1_000) + "'".repeat(1_000),
                "!mute @@@ 99999999999999999999d",
                "http://" + "a.".repeat(20_000) + "com https://example.com/" + "%".repeat(5_000),
                "\n".repeat(50_000),
                "\ufeff\u200b\u2060".repeat(20_000),
                "\ud83d\ude00".repeat(20_000),
                "ＳＰＡＭ ｓｐａｍ 𝐬𝐩𝐚𝐦 ⓢⓟⓐⓜ".repeat(2_000),
                "BAD".repeat(30_000));
    }

    private static int pongs(XmppTestClient user, EntityBareJid room) {
        return (int) user.bodiesFrom(room).stream().filter(body -> body.contains("pong")).count();
    }

    /** The case numbers {@code !cases flooder} lists, asking again while the first case is being recorded. */
    private static List<String> cases(XmppTestClient boss, EntityBareJid room) {
        return await("a case list for the flooder").atMost(Duration.ofSeconds(60)).until(() -> {
            boss.clearReceived();
            boss.say(room, "!cases flooder");
            Message answer = boss.awaitMessage("an answer to !cases", message -> message.getBody() != null
                    && (message.getBody().contains("flooder: flood → ") || message.getBody().startsWith("No cases")));
            Matcher numbers = Pattern.compile("#(\\d+)").matcher(answer.getBody());
            return numbers.results().map(result -> result.group(1)).collect(Collectors.toList());
        }, numbers -> !numbers.isEmpty());
    }
}
