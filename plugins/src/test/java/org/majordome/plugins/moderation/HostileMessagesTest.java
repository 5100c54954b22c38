package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.event.Role;
import org.majordome.dispatch.DispatchStats;
import org.majordome.plugins.core.CorePlugin;
import org.majordome.plugins.testsupport.PluginSections;
import org.majordome.plugins.welcome.WelcomeConfig;
import org.majordome.plugins.welcome.WelcomePlugin;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestRoom;

/**
 * Generated hostile input through the real dispatcher with the moderation (every rule on, backtracking-shaped
 * patterns), welcome and core plugins: huge bodies, deep combining sequences, bidi controls, inputs shaped to
 * make backtracking expressions explode, malformed mentions and commands, and hostile nicknames joining and
 * changing nick. No handler throws or overruns its time limit, the barrage ends (a bounded wait, not a timing),
 * and the bot still answers {@code !ping} afterwards. Seeded: a failure names the seed and the message.
 * The same on a real server: {@code ResilienceIT.hostileMessagesNeitherCrashNorStallTheBot}.
 */
class HostileMessagesTest {

    private static final long SEED = 0xbad_c0deL;
    private static final int MESSAGES = 600;
    private static final String LOBBY = "lobby@conference.example.org";

    private PluginTestKit kit;

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    @Test
    void generatedHostileMessagesAndNicksNeitherThrowNorStallAndTheBotStillAnswers() throws Exception {
        ModerationConfig moderation = PluginSections.bind("moderation", ModerationConfig.class, """
                ladder: [{points: 1, action: warn}]
                words: {words: [spam*, bad], patterns: ['(a+)+b', '(x|x)*y', '.*.*.*=.*', '(\\w+\\s?)*$', '(.*a){12}']}
                links: {deny-domains: [example.com]}
                nicknames: {protected-nicks: [admin]}
                """);
        WelcomeConfig welcome = PluginSections.bind("welcome", WelcomeConfig.class, """
                first-time: "Welcome to {room}, {nick}! {rules} ({count})"
                """);
        kit = PluginTestKit.builder().plugin(new ModerationPlugin(), moderation).plugin(new WelcomePlugin(), welcome)
                .plugin(new CorePlugin()).room(LOBBY, "moderation", "welcome", "core").start();
        kit.clock().set(Instant.now());
        TestRoom room = kit.room(LOBBY);
        Random random = new Random(SEED);
        List<String> sent = new ArrayList<>();

        // The barrage runs on its own thread so that a stall is a bounded wait that fails, not a hung build.
        CompletableFuture<Void> barrage = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < MESSAGES; i++) {
                String nick = i % 10 == 0 ? hostileNick(random) : "attacker" + (i % 3);
                if (room.occupant(nick).isEmpty()) {
                    room.join(nick, Role.PARTICIPANT);
                }
                String body = hostileBody(random, i);
                sent.add(nick + ": " + abbreviate(body));
                room.say(nick, body);
                if (i % 25 == 0 && room.occupant(nick).isPresent()) {
                    String newNick = hostileNick(random);
                    if (room.occupant(newNick).isEmpty()) {
                        room.changeNick(nick, newNick);
                        room.leave(newNick);
                    }
                }
                kit.clock().advance(Duration.ofMillis(random.nextInt(3_000)));
            }
        });
        await("the barrage (seed " + SEED + ") handled").atMost(Duration.ofMinutes(3))
                .until(() -> barrage.isDone());
        barrage.get(); // rethrows whatever the test room itself refused

        DispatchStats stats = kit.dispatcher().stats();
        assertThat(stats.handlerErrors()).as("handler calls that threw (seed %d); messages: %s", SEED, lastOf(sent))
                .isZero();
        assertThat(stats.handlerTimeouts()).as("handler calls over the time limit (seed %d)", SEED).isZero();
        assertThat(stats.handlerCallsSkipped()).as("calls skipped behind a late one (seed %d)", SEED).isZero();

        room.join("regular", Role.PARTICIPANT);
        room.say("regular", "!ping");
        assertThat(room.botSaid()).as("the bot still answers after the barrage (seed %d)", SEED).contains("pong");
        // The rules were running, not switched off by the garbage: the forbidden words were warned about.
        assertThat(room.botSaid()).anySatisfy(said -> assertThat(said).contains("please stop"));
    }

    /** One generated hostile body; every category comes round, lengths and contents are random. */
    static String hostileBody(Random random, int i) {
        int size = 1 + random.nextInt(60_000);
        return switch (i % 12) {
            case 0 -> randomChars(random, size, "aAzZ 09");
            case 1 -> "e" + "\u0301\u0336\u0334\u0338\u0335\u0337\u0489".repeat(1 + size / 7); // zalgo, deep combining
            case 2 -> "\u202e\u2066\u2067\u2068\u2069\u200f\u200e\u061c\u202a\u202b\u202c\u202d".repeat(1 + size / 12)
                    + (random.nextBoolean() ? "admin" : "bad");
            case 3 -> "a".repeat(size) + pick(random, "!", "b", "c", "=", " "); // (a+)+b and (.*a){12} shapes
            case 4 -> "x".repeat(size) + pick(random, "", "z", "y");
            case 5 -> "=".repeat(1 + size / 2) + "a".repeat(1 + size / 2);
            case 6 -> "word ".repeat(1 + size / 5) + "!";
            case 7 -> mentions(random, 1 + size / 10);
            case 8 -> pick(random, "!", "!ping ", "!cases ", "!mute ", "!ban ", "!help ", "!kick ", "!about ")
                    + randomChars(random, random.nextInt(2_000), "@\"'\\ \u0000\u202e!-");
            case 9 -> "http://" + "a.".repeat(1 + size / 2) + "com https://example.com/" + "%".repeat(random.nextInt(5_000));
            case 10 -> pick(random, "\n", "\r\n", "\u2028", "\u0085").repeat(1 + size / 2);
            default -> ("ＳＰＡＭ ｓｐａｍ 𝐬𝐩𝐚𝐦 ⓢⓟⓐⓜ ѕраm \ud83d\ude00 \udbff\udfff ").repeat(1 + size / 40);
        };
    }

    /** Nicks that are long, invisible, right-to-left, combining, or look like the bot or a protected nick. */
    static String hostileNick(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "n" + "\u0301".repeat(1 + random.nextInt(2_000));
            case 1 -> "\u202e" + "nimda" + random.nextInt(1000);
            case 2 -> "\u200b\u2060\ufeff" + random.nextInt(1000);
            case 3 -> "Ｍajordome" + random.nextInt(1000);
            case 4 -> "аdmin" + random.nextInt(1000); // Cyrillic a
            case 5 -> "x".repeat(1 + random.nextInt(3_000));
            case 6 -> "@" + "@".repeat(random.nextInt(50)) + random.nextInt(1000);
            default -> randomChars(random, 1 + random.nextInt(40), "!@#$%^&*()[]{}<>\"' \u0000\u202e");
        };
    }

    private static String mentions(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int m = 0; m < count && text.length() < 60_000; m++) {
            text.append(pick(random, "@", "@@", "@ ", "@attacker0", "@regular", "@majordome ", "@\u200b", "@\u202e",
                    "@" + "x".repeat(random.nextInt(300)), "@attacker1: ", ": ", ",@"));
        }
        return text.toString();
    }

    private static String randomChars(Random random, int length, String extra) {
        StringBuilder text = new StringBuilder(length);
        for (int c = 0; c < length; c++) {
            text.append(random.nextInt(4) == 0 ? extra.charAt(random.nextInt(extra.length()))
                    : (char) (0x20 + random.nextInt(0x2fff)));
        }
        return text.toString();
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "... (" + text.length() + " chars)" : text;
    }

    private static List<String> lastOf(List<String> sent) {
        return sent.subList(Math.max(0, sent.size() - 5), sent.size());
    }
}
