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
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

/** Saving a script reloads it alone: new handlers replace old ones, storage stays, broken versions are refused. */
class ScriptReloadTest {

    private static final Duration RELOAD_WITHIN = Duration.ofSeconds(5);
    private static final String VERSION_1 = """
            bot.command({name: 'hello', help: 'greets'}, c => c.reply('hello v1'));
            bot.command({name: 'old', help: 'only in v1'}, c => c.reply('old'));
            bot.schedule.every('tick', 50, () => bot.storage.increment('ticks'));
            bot.onEvent('OccupantJoined', e => e.room.send('welcome v1'));
            """;
    private static final String VERSION_2 = """
            bot.command({name: 'hello', help: 'greets'}, c => c.reply('hello v2'));
            bot.command({name: 'ticks', help: 'counts'}, c => c.reply('ticks ' + bot.storage.get('ticks')));
            """;

    @TempDir
    Path temp;
    private ScriptFixture scripts;
    private TestRoom lobby;

    @BeforeEach
    void setUp() throws Exception {
        scripts = new ScriptFixture(Files.createDirectory(temp.resolve("scripts")));
        scripts.write("hello.js", VERSION_1);
        PluginTestKit kit = scripts.start();
        lobby = kit.room(ScriptFixture.ROOM);
        lobby.join("alice", Role.PARTICIPANT);
    }

    @AfterEach
    void tearDown() {
        scripts.close();
    }

    private String answerTo(String command) {
        lobby.clearActions();
        lobby.say("alice", command);
        return lobby.botSaid().isEmpty() ? "" : lobby.botSaid().getLast();
    }

    @Test
    void anEditedScriptAnswersWithItsNewVersionAndItsOldHandlersCommandsAndJobsAreGone() {
        assertThat(answerTo("!hello")).isEqualTo("hello v1");
        assertThat(answerTo("!ticks")).containsIgnoringCase("unknown command");
        lobby.join(TestOccupant.nick("carol").role(Role.PARTICIPANT));
        assertThat(lobby.botSaid()).last().isEqualTo("welcome v1");

        scripts.write("hello.js", VERSION_2);

        await().atMost(RELOAD_WITHIN).until(() -> answerTo("!hello").equals("hello v2"));
        assertThat(answerTo("!old")).containsIgnoringCase("unknown command");
        String ticks = answerTo("!ticks");
        assertThat(ticks).matches("ticks [1-9][0-9]*");
        // The job of version 1 is gone: the count kept in storage no longer grows.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(60)).until(() -> answerTo("!ticks").equals(ticks));
        lobby.clearActions();
        lobby.join(TestOccupant.nick("bob").role(Role.PARTICIPANT));
        assertThat(lobby.botSaid()).isEmpty();
    }

    @Test
    void aSyntaxErrorKeepsThePreviousVersionRunningAndIsLoggedWithFileAndLine() {
        scripts.write("hello.js", "bot.command({name: 'hello', help: 'greets'}, c => c.reply('broken'));\nlet x = ;\n");

        await().atMost(RELOAD_WITHIN).until(() -> scripts.logLines().stream()
                .anyMatch(line -> line.startsWith("ERROR hello.js not loaded: hello.js:2: SyntaxError")
                        && line.endsWith("the previous version keeps running")));
        assertThat(answerTo("!hello")).isEqualTo("hello v1");
        assertThat(scripts.script("hello").status().detail()).startsWith("previous version; the new one failed: hello.js:2");
    }

    @Test
    void aRemovedScriptIsUnloadedAndComesBackWithItsFile() {
        scripts.delete("hello.js");
        // The status turns REMOVED after the handlers are gone, so wait for it rather than for the answer.
        await().atMost(RELOAD_WITHIN).until(() -> scripts.script("hello").status().state() == ScriptStatus.State.REMOVED);
        assertThat(answerTo("!hello")).containsIgnoringCase("unknown command");

        scripts.write("hello.js", VERSION_2);
        await().atMost(RELOAD_WITHIN).until(() -> answerTo("!hello").equals("hello v2"));
    }

    @Test
    void botAdminsReloadScriptsOnCommand() {
        lobby.join(TestOccupant.nick("root").role(Role.MODERATOR).realJid("admin@example.org"));
        lobby.clearActions();
        lobby.say("root", "!scripts reload hello");
        assertThat(lobby.botSaid()).singleElement().asString().startsWith("hello: running (");
        lobby.clearActions();
        lobby.say("alice", "!scripts reload");
        assertThat(lobby.botSaid()).singleElement().asString().doesNotStartWith("hello:");
    }

    /**
     * Issue: a new file reloaded the whole configuration, which restarted every script (a disabled one came back,
     * in-memory state was lost). Now the new file alone becomes a plugin, handed over to be started; the runtime
     * side is {@code ScriptHotReloadIT}.
     */
    @Test
    void aNewFileRestartedEveryScript() {
        ScriptPlugin hello = scripts.script("hello");
        ScriptStatus helloBefore = hello.status();

        scripts.write("added.js", "bot.command({name: 'added', help: 'new'}, c => c.reply('added'));");

        await().atMost(RELOAD_WITHIN).until(() -> scripts.addedScripts().size() == 1);
        ScriptPlugin added = scripts.addedScripts().getLast();
        assertThat(added.id()).isEqualTo("added");
        assertThat(scripts.host().script("added")).containsSame(added);
        assertThat(added.status().state()).as("started by the runtime, not the host")
                .isEqualTo(ScriptStatus.State.NOT_LOADED);
        assertThat(scripts.host().newScriptIds()).isEmpty();
        assertThat(hello.status()).as("the other scripts keep their state").isSameAs(helloBefore);
        assertThat(scripts.logLines()).noneMatch(line -> line.contains("hello.js reloaded"));
        assertThat(answerTo("!hello")).isEqualTo("hello v1");
        // Saving it again reloads that plugin (once started); it is not handed over twice.
        scripts.write("added.js", "bot.command({name: 'added', help: 'new'}, c => c.reply('added again'));");
        scripts.write("hello.js", VERSION_2);
        await().atMost(RELOAD_WITHIN).until(() -> answerTo("!hello").equals("hello v2"));
        assertThat(scripts.addedScripts()).hasSize(1);
    }

    @Test
    void aNewFileWithAnUnusableNameIsLoggedAndNotAnnounced() {
        scripts.write("Bad Name.js", "bot.log.info('never');");
        scripts.write("scripts.js", "bot.log.info('never');");

        await().atMost(RELOAD_WITHIN).until(() -> scripts.logLines().stream().filter(line -> line.startsWith("ERROR ")
                && (line.contains("Bad Name.js is ignored") || line.contains("scripts.js is ignored"))).count() == 2);
        assertThat(scripts.addedScripts()).isEmpty();
        assertThat(scripts.host().newScriptIds()).isEmpty();
    }

    @Test
    void aScriptThatFailedToLoadWasReportedAsStarted() {
        scripts.close();
        scripts = new ScriptFixture(temp.resolve("scripts"));
        scripts.write("broken.js", "bot.command({name: 'broken', help: 'x'}, c => c.reply('x');\n");
        scripts.start();

        assertThat(scripts.script("broken").status().state()).isEqualTo(ScriptStatus.State.FAILED);
        assertThat(scripts.script("broken").startOutcome()).startsWith("not running: failed (broken.js:");
        assertThat(scripts.script("hello").startOutcome()).startsWith("started (");
    }
}
