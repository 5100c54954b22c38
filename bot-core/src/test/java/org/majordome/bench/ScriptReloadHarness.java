package org.majordome.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.app.RunningBot;
import org.majordome.config.ConfigLoader;
import org.majordome.testing.BotConfigFile;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.ProsodyServer;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;

/**
 * How long a change to the scripts directory takes to reach a user, against a real Prosody on loopback, the real
 * bot in this JVM started from a configuration file, one real client in the room:
 * <ol>
 * <li>edit: a script's file is replaced (write, then move into place) until the client gets the new reply;</li>
 * <li>new file: a script with a new name is dropped in until its command answers in the room, which has
 * {@code scripts: all} (the watcher hands the new file over, the runtime starts that script alone); then it is
 * deleted again (unloaded), and the next trial drops another new name.</li>
 * </ol>
 * The client sends the command every {@code poll} ms (default 50) and stops the clock at the first new answer,
 * so a figure includes up to one poll interval and a reply's round trip. Arguments: {@code trials=10 poll=50}.
 */
public final class ScriptReloadHarness {

    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private ScriptReloadHarness() {
    }

    public static void main(String[] args) {
        HarnessArgs.run(args, ScriptReloadHarness::run);
    }

    private static void run(HarnessArgs options) throws Exception {
        int trials = options.integer("trials", 10);
        long poll = options.longInteger("poll", 50);
        Path work = Files.createTempDirectory("script-reload-bench");
        Path scripts = Files.createDirectories(work.resolve("scripts"));
        try (ProsodyServer server = ProsodyServer.builder().logLevel("warn").build().start();
             TestClients clients = new TestClients(server)) {
            server.register(BotUnderTest.ACCOUNT, BotUnderTest.PASSWORD);
            EntityBareJid room = server.uniqueRoom("reload-bench");
            drop(scripts, "echo.js", command("echo", "echo 0"));
            Path config = work.resolve("bot.yml");
            Files.writeString(config, config(server, scripts, room, "echo"), UTF_8);
            try (RunningBot bot = RunningBot.start(new ConfigLoader(Map.of()).load(config))) {
                waitFor(bot.rooms()::allJoined);
                XmppTestClient client = clients.connect("bench");
                client.join(room, "Bench");
                answerTime(client, room, "!echo", "Bench: echo 0", poll);

                List<Double> edits = new ArrayList<>();
                for (int trial = 1; trial <= trials; trial++) {
                    long start = System.nanoTime();
                    drop(scripts, "echo.js", command("echo", "echo " + trial));
                    edits.add(answerTime(client, room, "!echo", "Bench: echo " + trial, poll) - start / 1e6);
                }

                List<Double> added = new ArrayList<>();
                for (int trial = 1; trial <= trials; trial++) {
                    String name = "fresh" + trial;
                    long start = System.nanoTime();
                    drop(scripts, name + ".js", command(name, "fresh " + trial));
                    added.add(answerTime(client, room, "!" + name, "Bench: fresh " + trial, poll) - start / 1e6);
                    Files.delete(scripts.resolve(name + ".js"));
                }
                System.out.printf("poll every %d ms, %d trials each, ms from the file in place to the new answer%n",
                        poll, trials);
                print("edit     ", edits);
                print("new file ", added);
            }
        }
    }

    private static String command(String name, String reply) {
        return "bot.command({ name: '" + name + "', help: 'bench' }, (c) => c.reply('" + reply + "'));\n";
    }

    private static String config(ProsodyServer server, Path scripts, EntityBareJid room, String plugins) {
        return BotConfigFile.connection(server) + """
                runtime:
                  data-directory: data
                dispatch:
                  scripts-directory: %s
                  replies-per-sender: 1000
                rooms:
                  - jid: %s
                    plugins: [%s]
                    scripts: all
                """.formatted(scripts, room, plugins);
    }

    private static void drop(Path directory, String fileName, String code) throws Exception {
        Path temporary = Files.createTempFile(directory.getParent(), "script", ".tmp");
        Files.writeString(temporary, code, UTF_8);
        Files.move(temporary, directory.resolve(fileName), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Sends {@code command} every {@code poll} ms until {@code expected} arrives; returns when, in ms of nanoTime. */
    private static double answerTime(XmppTestClient client, EntityBareJid room, String command, String expected,
                                     long poll) throws TimeoutException {
        client.clearReceived();
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        long nextSend = 0;
        while (System.nanoTime() < deadline) {
            if (client.bodiesFrom(room).contains(expected)) {
                return System.nanoTime() / 1e6;
            }
            if (System.nanoTime() >= nextSend) {
                client.say(room, command);
                nextSend = System.nanoTime() + poll * 1_000_000;
            }
            LockSupport.parkNanos(1_000_000);
        }
        throw new TimeoutException("no \"" + expected + "\" within " + GIVE_UP);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws TimeoutException {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("not ready within " + GIVE_UP);
            }
            LockSupport.parkNanos(10_000_000);
        }
    }

    private static void print(String label, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted(Comparator.naturalOrder()).toList();
        System.out.printf("%s min %.0f  median %.0f  max %.0f  (all: %s)%n", label, sorted.getFirst(),
                sorted.get(sorted.size() / 2), sorted.getLast(),
                millis.stream().map(value -> String.format("%.0f", value)).collect(Collectors.joining(" ")));
    }
}
