package org.majordome.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.config.DispatchSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.CapturedLog;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/** The example scripts of {@code scripts/} and the script sandbox, in the real bot, from real clients. */
@Proves(Feature.SCRIPTS)
@ClassTemplate
class ScriptPluginsIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    /** The project's example scripts, as shipped (the build runs in the bot-core directory). */
    private static final Path EXAMPLES = Path.of("..", "scripts").toAbsolutePath().normalize();

    @TempDir
    Path data;

    private static DispatchSettings scripts(Path directory, Duration scriptLimit) {
        DispatchSettings defaults = DispatchSettings.defaults();
        return new DispatchSettings(defaults.commandPrefix(), 100, defaults.replyPeriod(), true,
                defaults.queueCapacity(), Duration.ofSeconds(5), Optional.empty(), Optional.of(directory), scriptLimit);
    }

    private static List<String> answersTo(XmppTestClient client, EntityBareJid room) {
        return client.receivedFrom(room).stream().map(Message::getBody)
                .filter(body -> body != null && body.startsWith("Alice: ")).toList();
    }

    /** Done-when 1: each example script works from a real client. */
    @Test
    void theExampleScriptsAnswerARealClient(TestClients clients) {
        EntityBareJid room = servers.server().uniqueRoom("scripts");
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).dataDirectory(data)
                .room(room, BotUnderTest.titled("Scripts", "Example scripts"), "dice", "faq", "karma", "remind")
                .dispatch(scripts(EXAMPLES, Duration.ofSeconds(2)))
                .pluginConfig("faq", """
                        cooldown-seconds: 1
                        entries:
                          - pattern: "how (do|can) I join"
                            answer: "Ask a moderator for an invitation."
                        """)
                .start()) {
            bot.awaitJoined(room);
            XmppTestClient alice = clients.connect("alice");
            alice.join(room, "Alice");

            alice.say(room, "!roll 2d6");
            alice.awaitMessage("a dice roll", message -> message.getBody() != null
                    && message.getBody().matches("Alice rolled 2d6: \\d \\+ \\d = \\d+"));

            alice.say(room, "how do I join the club?");
            alice.awaitBodyFrom(room, "Alice: Ask a moderator for an invitation.");

            alice.say(room, "bob++");
            alice.awaitBodyFrom(room, "bob now has 1 karma");
            alice.say(room, "!karma bob");
            alice.awaitBodyFrom(room, "Alice: bob has 1 karma");

            alice.say(room, "!remind 2s tea is ready");
            alice.awaitMessage("the reminder", message -> "Alice: tea is ready".equals(message.getBody()));
        }
    }

    /**
     * Done-when 2 and 3: an infinite loop in one script is interrupted while another script keeps answering,
     * and a script's attempt to reach Java fails and is logged, the bot going on.
     */
    @Test
    void aLoopingScriptIsInterruptedWhileAnotherKeepsAnswering(TestClients clients) throws IOException {
        Path directory = Files.createDirectories(data.resolve("scripts"));
        Files.writeString(directory.resolve("spin.js"), """
                bot.command({ name: 'spin', help: 'Loops for ever.' }, (cmd) => { while (true) {} });
                bot.command({ name: 'escape', help: 'Tries to reach Java.' }, (cmd) => {
                  cmd.reply(typeof Java === 'undefined' ? 'no Java here' : String(Java.type('java.lang.System')));
                });
                """);
        Files.writeString(directory.resolve("echo.js"), """
                bot.command({ name: 'echo', help: 'Says it back.' }, (cmd) => cmd.reply(cmd.args.join(' ')));
                """);
        EntityBareJid room = servers.server().uniqueRoom("loop");
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).dataDirectory(data.resolve("bot"))
                .room(room, BotUnderTest.titled("Loop", "A looping script"), "spin", "echo")
                .dispatch(scripts(directory, Duration.ofMillis(300)))
                .start()) {
            bot.awaitJoined(room);
            XmppTestClient alice = clients.connect("alice");
            alice.join(room, "Alice");

            alice.say(room, "!spin");
            alice.say(room, "!echo still here");
            alice.awaitBodyFrom(room, "Alice: still here");
            alice.say(room, "!escape");
            alice.awaitBodyFrom(room, "Alice: no Java here");
            alice.say(room, "!echo and after");
            alice.awaitBodyFrom(room, "Alice: and after");

            await().atMost(Duration.ofSeconds(60)).until(() -> answersTo(alice, room).contains("Alice: and after"));
            assertThat(answersTo(alice, room)).containsSubsequence("Alice: still here", "Alice: no Java here",
                    "Alice: and after");
        }
    }

    /**
     * Done-when 3 from a real client: each way out of the sandbox, tried by a command, fails; the client is told
     * the command failed, the log names the file, line and refusal, and the bot keeps answering.
     */
    @Test
    void everyWayOutOfTheSandboxIsRefusedToARealClientAndLogged(TestClients clients) throws IOException {
        Path directory = Files.createDirectories(data.resolve("escape-scripts"));
        Files.writeString(directory.resolve("escape.js"), """
                const attempt = (name, how) => bot.command({ name: name, help: 'Tries ' + name + '.' }, (c) => c.reply(String(how())));
                attempt('java', () => Java.type('java.lang.System').getenv('HOME'));
                attempt('hostclass', () => java.lang.System.getProperty('user.home'));
                attempt('polyglot', () => Polyglot.eval('python', '1 + 1'));
                attempt('file', () => load('/etc/passwd'));
                attempt('net', () => fetch('http://127.0.0.1/'));
                attempt('thread', () => new Worker('escape.js'));
                bot.command({ name: 'echo', help: 'Says it back.' }, (c) => c.reply(c.args.join(' ')));
                """);
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("java", "escape.js:2: ReferenceError: Java is not defined");
        refusals.put("hostclass", "escape.js:3: ReferenceError: java is not defined");
        refusals.put("polyglot", "escape.js:4: ReferenceError: Polyglot is not defined");
        refusals.put("file", "escape.js:5: ReferenceError: load is not defined");
        refusals.put("net", "escape.js:6: ReferenceError: fetch is not defined");
        refusals.put("thread", "escape.js:7: ReferenceError: Worker is not defined");
        EntityBareJid room = servers.server().uniqueRoom("escape");
        try (CapturedLog log = CapturedLog.of("org.majordome");
             BotUnderTest bot = BotUnderTest.builder(servers.server()).dataDirectory(data.resolve("escape-bot"))
                     .room(room, BotUnderTest.titled("Escape", "Scripts trying to get out"), "escape")
                     .dispatch(scripts(directory, Duration.ofSeconds(2)))
                     .start()) {
            bot.awaitJoined(room);
            XmppTestClient alice = clients.connect("alice");
            alice.join(room, "Alice");

            for (Map.Entry<String, String> refusal : refusals.entrySet()) {
                String command = refusal.getKey();
                alice.say(room, "!" + command);
                alice.awaitBodyFrom(room, "Alice: !" + command + " failed; the bot's log says why.");
                await("the refusal of !" + command + " logged").atMost(Duration.ofSeconds(60))
                        .until(() -> log.has("ERROR", "plugin escape failed", "handling !" + command, refusal.getValue()));
                alice.say(room, "!echo still here after " + command);
                alice.awaitBodyFrom(room, "Alice: still here after " + command);
            }
            assertThat(answersTo(alice, room)).noneMatch(body -> body.contains("/") || body.contains("2"));
        }
    }
}
