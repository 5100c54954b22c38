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
import org.majordome.plugins.testsupport.HostileInput;
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
    private static final int MESSAGES = 360;
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
                String nick = i % 10 == 0 ? HostileInput.nick(random) : "attacker" + (i % 3);
                if (room.occupant(nick).isEmpty()) {
                    room.join(nick, Role.PARTICIPANT);
                }
                String body = HostileInput.body(random, i);
                sent.add(nick + ": " + abbreviate(body));
                room.say(nick, body);
                if (i % 25 == 0 && room.occupant(nick).isPresent()) {
                    String newNick = HostileInput.nick(random);
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

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "... (" + text.length() + " chars)" : text;
    }

    private static List<String> lastOf(List<String> sent) {
        return sent.subList(Math.max(0, sent.size() - 5), sent.size());
    }
}
