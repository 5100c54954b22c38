package org.majordome.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.event.Role;
import org.majordome.api.pubsub.NodeAccess;
import org.majordome.api.pubsub.NodeAddress;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestNodes;
import org.majordome.testkit.TestRoom;

/**
 * Scripts reach publish-subscribe as Java plugins do ({@code PluginContext.pubsub()}, issue 17): {@code bot.pubsub}
 * reads a node's items, follows a node's publications and retractions, publishes, retracts and owns nodes; what
 * a version of the script follows is dropped when the script is reloaded.
 */
class ScriptPubSubTest {

    private static final NodeAddress LIST = new NodeAddress("pubsub.example.org", "muc_bans_sha256");
    private static final NodeAddress OWN = new NodeAddress("pubsub.example.org", "our_bans");

    private static final String SCRIPT = """
            const S = 'pubsub.example.org';
            const say = text => bot.rooms.get('lobby@conference.example.org').send(text);
            bot.pubsub.follow(S, 'muc_bans_sha256', {
                snapshot: ids => say('%1$s snapshot: ' + ids.join(',')),
                published: id => say('%1$s published: ' + id),
                retracted: id => say('%1$s retracted: ' + id),
            });
            bot.command({name: 'items', help: 'Lists the items.'}, c =>
                bot.pubsub.items(S, 'muc_bans_sha256', ids => c.room.send('items: ' + ids.join(','))));
            bot.command({name: 'pub', help: 'Publishes.', minArgs: 1}, c =>
                bot.pubsub.publish(S, 'our_bans', c.args[0], "<ban xmlns='urn:xmpp:rtbl:0'/>",
                    r => c.room.send('published ' + c.args[0] + ': ' + r.done)));
            bot.command({name: 'unpub', help: 'Retracts.', minArgs: 1}, c =>
                bot.pubsub.retract(S, 'our_bans', c.args[0], r => c.room.send('retracted ' + c.args[0] + ': ' + r.done)));
            bot.command({name: 'own', help: 'Owns the node.'}, c =>
                bot.pubsub.own(S, 'our_bans', {access: 'whitelist', subscribers: ['peer@example.org']},
                    r => c.room.send('owned: ' + r.done)));
            """;

    @TempDir
    Path temp;
    private ScriptFixture scripts;
    private PluginTestKit kit;
    private TestRoom room;
    private TestNodes nodes;

    @BeforeEach
    void setUp() throws Exception {
        scripts = new ScriptFixture(Files.createDirectory(temp.resolve("scripts")));
        scripts.write("rtbl.js", SCRIPT.formatted("v1"));
    }

    @AfterEach
    void tearDown() {
        scripts.close();
    }

    private void start() {
        kit = scripts.start();
        nodes = kit.pubsub();
        room = kit.room(ScriptFixture.ROOM);
        room.join("alice", Role.MODERATOR);
    }

    @Test
    void aScriptReadsTheItemsOfANode() {
        start();
        nodes.publishSilently(LIST, "aaa");
        nodes.publishSilently(LIST, "bbb");

        room.say("alice", "!items");

        assertThat(room.botSaidAsSeen()).last().isEqualTo("items: aaa,bbb");
    }

    @Test
    void aScriptFollowingANodeSeesItsSnapshotPublicationsAndRetractions() {
        start();

        nodes.maintainerPublishes(LIST, "aaa");
        nodes.maintainerRetracts(LIST, "aaa");
        nodes.newSession();

        assertThat(room.botSaidAsSeen()).containsExactly("v1 snapshot: ", "v1 published: aaa", "v1 retracted: aaa",
                "v1 snapshot: ");
    }

    @Test
    void aScriptOwnsANodePublishesAndRetracts() {
        start();
        room.clearActions();

        room.say("alice", "!own");
        room.say("alice", "!pub abc");
        assertThat(nodes.items(OWN)).containsExactly("abc");
        room.say("alice", "!unpub abc");

        assertThat(nodes.items(OWN)).isEmpty();
        assertThat(nodes.ownedAccess(OWN)).contains(NodeAccess.whitelist(List.of("peer@example.org")));
        assertThat(room.botSaidAsSeen()).containsExactly("owned: true", "published abc: true", "retracted abc: true");
    }

    /** A script that stops: its followings are closed, not only silenced. */
    @Test
    void aRemovedScriptNoLongerFollowsTheNode() {
        start();
        assertThat(nodes.followerCount(LIST)).isEqualTo(1);

        scripts.delete("rtbl.js");

        await().atMost(Duration.ofSeconds(60)).until(() -> nodes.followerCount(LIST) == 0);
    }

    @Test
    void aReloadedScriptNoLongerHearsTheNodesItsOldVersionFollowed() {
        start();
        scripts.write("rtbl.js", SCRIPT.formatted("v2"));
        await().atMost(Duration.ofSeconds(60)).until(() -> room.botSaidAsSeen().contains("v2 snapshot: "));
        room.clearActions();

        nodes.maintainerPublishes(LIST, "ccc");

        assertThat(room.botSaidAsSeen()).containsExactly("v2 published: ccc");
        assertThat(nodes.followerCount(LIST)).as("followings still open").isEqualTo(1);
        assertThat(scripts.logLines()).noneMatch(line -> line.contains("not handled"));
        assertThat(scripts.script("rtbl").status().state()).isEqualTo(ScriptStatus.State.RUNNING);
    }

    @Test
    void aStoppedFollowingIsNoLongerCalled() {
        scripts.write("rtbl.js", """
                const say = text => bot.rooms.get('lobby@conference.example.org').send(text);
                const following = bot.pubsub.follow('pubsub.example.org', 'muc_bans_sha256', {
                    published: id => { say('published: ' + id); following.stop(); },
                });
                """);
        start();

        nodes.maintainerPublishes(LIST, "aaa");
        nodes.maintainerPublishes(LIST, "bbb");

        assertThat(room.botSaidAsSeen()).containsExactly("published: aaa");
        assertThat(nodes.followerCount(LIST)).isZero();
    }

    /** A version that fails to load follows nothing: its follow waited for the load to succeed. */
    @Test
    void aVersionThatFailsToLoadFollowsNothing() {
        scripts.write("rtbl.js", """
                bot.pubsub.follow('pubsub.example.org', 'muc_bans_sha256', {published: id => bot.log.info(id)});
                throw new Error('broken');
                """);
        start();

        assertThat(scripts.script("rtbl").status().state()).isEqualTo(ScriptStatus.State.FAILED);
        assertThat(nodes.followerCount(LIST)).isZero();
    }

    /** Following and stopping many times keeps nothing: each stopped following is dropped at once. */
    @Test
    void aScriptThatFollowsAndStopsOftenKeepsNoFollowing() {
        scripts.write("rtbl.js", """
                bot.command({name: 'churn', help: 'Follows and stops.'}, c => {
                    for (let i = 0; i < 50; i++) {
                        bot.pubsub.follow('pubsub.example.org', 'muc_bans_sha256', {published: id => {}}).stop();
                    }
                    c.reply('done');
                });
                """);
        start();

        room.say("alice", "!churn");

        assertThat(room.botSaidAsSeen()).last().isEqualTo("alice: done");
        assertThat(nodes.followerCount(LIST)).isZero();
        assertThat(scripts.script("rtbl").running().followingCount()).isZero();
    }

    /** The README's example runs as written. */
    @Test
    void theReadmeExampleSaysWhenTheListChanges() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("// Follows a block list");
        String example = readme.substring(start, readme.indexOf("```", start));
        scripts.write("rtbl.js", example);
        start();

        nodes.maintainerPublishes(LIST, "0123456789abcdef");
        nodes.maintainerRetracts(LIST, "0123456789abcdef");

        assertThat(room.botSaidAsSeen()).containsExactly("Listed: 0123456789ab…", "Unlisted: 0123456789ab…");
    }

    /** A payload that is not XML travels as escaped text in one element; XML goes as written. */
    @Test
    void aTextPayloadIsCarriedAsTheTextOfOneElement() {
        assertThat(PubSubBindings.payload("spam & <links>"))
                .isEqualTo("<text xmlns='urn:majordome:script:text:0'>spam &amp; &lt;links&gt;</text>");
        assertThat(PubSubBindings.payload(" <ban xmlns='urn:xmpp:rtbl:0'/>")).isEqualTo("<ban xmlns='urn:xmpp:rtbl:0'/>");
    }

    /** The declarations scripts' editors read say what {@code bot.pubsub} offers, and stay well-formed. */
    @Test
    void theScriptDeclarationsDeclareThePubsubObject() throws Exception {
        String declarations = Files.readString(Path.of("../scripts/majordome.d.ts"));
        String code = declarations.replaceAll("(?s)/\\*\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        assertThat(code.chars().filter(c -> c == '{').count()).as("braces").isEqualTo(code.chars().filter(c -> c == '}').count());
        java.util.regex.Matcher bot = java.util.regex.Pattern.compile("(?s)\\ninterface Bot \\{(.*?)\\n}").matcher(code);
        assertThat(bot.find()).isTrue();
        assertThat(bot.group(1)).contains("readonly pubsub: PubSub;");
        java.util.regex.Matcher pubsub = java.util.regex.Pattern.compile("(?s)\\ninterface PubSub \\{(.*?)\\n}").matcher(code);
        assertThat(pubsub.find()).isTrue();
        for (String member : List.of("items(", "follow(", "publish(", "retract(", "own(")) {
            assertThat(pubsub.group(1)).as("PubSub declares " + member).contains("\n  " + member);
        }
    }
}
