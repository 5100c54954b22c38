package org.majordome.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.pubsub.AccessModel;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.config.DispatchSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.TestPubSub;
import org.majordome.testing.XmppServer;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * A script's {@code bot.pubsub} in the real bot, on both servers: it follows a node a real client maintains
 * (the items at start, then the client's publication and retraction, XEP-0060 §6.1, §7.1.2.1, §7.2.2.1), and owns a
 * node of its own on which it publishes and retracts an item the client then reads (§8.1, §7.1, §7.2).
 */
@Proves(Feature.SCRIPTS)
@ClassTemplate
class ScriptPubSubIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(
            ServerSettings.defaults().pubsubOwners("lister", BotUnderTest.ACCOUNT));

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final String SCRIPT = """
            const c = bot.config;
            const known = new Set();
            bot.pubsub.follow(c.service, c.node, {
                snapshot: ids => { known.clear(); ids.forEach(id => known.add(id)); },
                published: id => known.add(id),
                retracted: id => known.delete(id),
            });
            bot.command({name: 'listed', help: 'What the followed node lists.'},
                cmd => cmd.reply('listed: ' + [...known].sort().join(',')));
            bot.command({name: 'own', help: 'Owns our node.'},
                cmd => bot.pubsub.own(c.service, c.ours, {access: 'open'}, r => cmd.reply('owned: ' + r.done)));
            bot.command({name: 'pub', help: 'Publishes.', minArgs: 1},
                cmd => bot.pubsub.publish(c.service, c.ours, cmd.args[0], "<ban xmlns='urn:xmpp:rtbl:0'/>",
                    r => cmd.reply('published: ' + r.done)));
            bot.command({name: 'unpub', help: 'Retracts.', minArgs: 1},
                cmd => bot.pubsub.retract(c.service, c.ours, cmd.args[0], r => cmd.reply('retracted: ' + r.done)));
            """;

    @TempDir
    Path data;

    private static DispatchSettings scripts(Path directory) {
        DispatchSettings defaults = DispatchSettings.defaults();
        return new DispatchSettings(defaults.commandPrefix(), 100, defaults.replyPeriod(), true,
                defaults.queueCapacity(), Duration.ofSeconds(5), Optional.empty(), Optional.of(directory),
                Duration.ofSeconds(2));
    }

    /** Asks {@code !listed} until the answer is {@code expected}. */
    private static void awaitListed(XmppTestClient alice, EntityBareJid room, String expected) {
        await("listed: " + expected).atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            alice.say(room, "!listed");
            List<String> answers = alice.receivedFrom(room).stream().map(Message::getBody)
                    .filter(body -> body != null && body.startsWith("Alice: listed: ")).toList();
            return !answers.isEmpty() && answers.getLast().equals("Alice: listed: " + expected);
        });
    }

    @Test
    void aScriptFollowsANodeARealClientMaintainsAndPublishesToItsOwn(TestClients clients) throws Exception {
        XmppServer server = servers.server();
        TestPubSub lister = TestPubSub.of(clients.connect("lister"), server);
        String node = "scriptfollow_" + Long.toHexString(System.nanoTime());
        String ours = "scriptown_" + Long.toHexString(System.nanoTime());
        lister.createNode(node, AccessModel.open);
        lister.publish(node, "aaaa");
        Path directory = scriptDirectory();
        EntityBareJid room = server.uniqueRoom("scriptpubsub");
        try (BotUnderTest bot = BotUnderTest.builder(server).dataDirectory(data.resolve("bot"))
                .room(room, BotUnderTest.titled("Lists", "A script following a list"), "listwatch")
                .dispatch(scripts(directory))
                .pluginConfig("listwatch", "service: " + server.pubsubService() + "\nnode: " + node + "\nours: " + ours + "\n")
                .start()) {
            bot.awaitJoined(room);
            XmppTestClient alice = clients.connect("alice");
            alice.join(room, "Alice");

            awaitListed(alice, room, "aaaa");
            lister.publish(node, "bbbb");
            awaitListed(alice, room, "aaaa,bbbb");
            lister.retract(node, "aaaa");
            awaitListed(alice, room, "bbbb");

            alice.say(room, "!own");
            alice.awaitBodyFrom(room, "Alice: owned: true");
            alice.say(room, "!pub cccc");
            alice.awaitBodyFrom(room, "Alice: published: true");
            assertThat(lister.itemIds(ours)).containsExactly("cccc");
            alice.say(room, "!unpub cccc");
            alice.awaitBodyFrom(room, "Alice: retracted: true");
            assertThat(lister.itemIds(ours)).isEmpty();
        }
    }

    private Path scriptDirectory() throws IOException {
        Path directory = Files.createDirectories(data.resolve("scripts"));
        Files.writeString(directory.resolve("listwatch.js"), SCRIPT);
        return directory;
    }
}
