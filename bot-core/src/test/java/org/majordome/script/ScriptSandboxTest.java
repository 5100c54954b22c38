package org.majordome.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.event.Role;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestRoom;

/**
 * A script sees only the {@code bot} façade: every way out of the sandbox fails with an error that names the
 * file and line, and the failure is logged.
 */
class ScriptSandboxTest {

    @TempDir
    Path temp;
    private ScriptFixture scripts;

    @BeforeEach
    void setUp() throws Exception {
        scripts = new ScriptFixture(java.nio.file.Files.createDirectory(temp.resolve("scripts")));
    }

    @AfterEach
    void tearDown() {
        scripts.close();
    }

    /** Loads a probe whose second line tries {@code escape}, and returns how its load ended. */
    private ScriptStatus probe(String escape) {
        scripts.write("probe.js", "bot.log.info('before');\n" + escape + ";\n");
        scripts.start();
        return scripts.script("probe").status();
    }

    private void assertRefused(ScriptStatus status, String expectedError) {
        assertThat(status.state()).isEqualTo(ScriptStatus.State.FAILED);
        assertThat(status.detail()).startsWith("probe.js:2: ").contains(expectedError);
        assertThat(scripts.logLines()).anyMatch(line -> line.startsWith("ERROR probe.js not loaded: probe.js:2: ")
                && line.contains(expectedError));
    }

    @Test
    void javaTypeIsNotAvailable() {
        assertRefused(probe("Java.type('java.lang.Runtime').getRuntime().exec('id')"), "Java is not defined");
    }

    @Test
    void hostClassesCannotBeReachedThroughPackagesOrTheFacade() {
        assertRefused(probe("Packages.java.lang.System.exit(1)"), "Packages is not defined");
    }

    @Test
    void facadeObjectsExposeNoJavaMembers() {
        assertRefused(probe("bot.storage.getClass().forName('java.lang.System')"), "getClass");
    }

    @Test
    void otherLanguagesCannotBeEvaluated() {
        assertRefused(probe("Polyglot.eval('python', 'import os')"), "Polyglot is not defined");
    }

    @Test
    void filesCannotBeLoaded() {
        assertRefused(probe("load('/etc/passwd')"), "load is not defined");
    }

    @Test
    void modulesCannotBeRequired() {
        assertRefused(probe("require('fs').readFileSync('/etc/passwd')"), "require is not defined");
    }

    @Test
    void theNetworkIsNotReachable() {
        assertRefused(probe("fetch('http://127.0.0.1/')"), "fetch is not defined");
    }

    @Test
    void threadsCannotBeCreated() {
        assertRefused(probe("new Worker('probe.js')"), "Worker is not defined");
    }

    @Test
    void theConsoleSectionsObjectExposesNoJavaMembers() {
        assertRefused(probe("bot.consoleSections.getClass().forName('java.lang.System')"), "getClass");
    }

    @Test
    void thePubsubObjectExposesNoJavaMembers() {
        assertRefused(probe("bot.pubsub.getClass().forName('java.lang.System')"), "getClass");
    }

    /**
     * What {@code bot.pubsub} hands to scripts (item lists, item ids, results, the object {@code follow} returns) is
     * plain JavaScript data or a read-only proxy: no host object, no Java member.
     */
    @Test
    void whatThePubsubObjectHandsToScriptsIsPlainJavaScript() {
        scripts.write("probe.js", """
                const plain = (what, value) => bot.log.info(what + ' ' + (value !== null && typeof value === 'object'
                    ? (Object.getPrototypeOf(value) === Array.prototype || Object.getPrototypeOf(value) === Object.prototype)
                      && value.getClass === undefined
                    : typeof value === 'string'));
                const following = bot.pubsub.follow('pubsub.example.org', 'list', {
                    snapshot: ids => plain('snapshot', ids),
                    published: id => {
                        plain('published', id);
                        bot.pubsub.items('pubsub.example.org', 'list', ids => { plain('items', ids); plain('item', ids[0]); });
                        bot.pubsub.publish('pubsub.example.org', 'own', 'x', 'text', r => plain('result', r));
                    },
                });
                try { following.getClass(); bot.log.info('following getClass ran'); } catch (e) { bot.log.info('refused'); }
                try { following.service = 'forged'; } catch (e) { }
                bot.log.info('service ' + following.service);
                """);
        PluginTestKit kit = scripts.start();
        kit.pubsub().maintainerPublishes(new org.majordome.api.pubsub.NodeAddress("pubsub.example.org", "list"), "abc");

        assertThat(scripts.logLines()).filteredOn(line -> line.startsWith("INFO probe.js: "))
                .map(line -> line.substring("INFO probe.js: ".length()))
                .containsExactly("refused", "service pubsub.example.org", "snapshot true", "published true", "items true", "item true",
                        "result true");
    }

    @Test
    void theFacadeCannotBeChanged() {
        ScriptStatus status = probe("bot.storage.get = () => 'forged'; "
                + "if (bot.storage.get('key') === 'forged') throw new Error('the facade was changed')");
        assertThat(status.state()).isEqualTo(ScriptStatus.State.RUNNING);
    }

    @Test
    void errorsShowNoHostClassNames() {
        ScriptStatus status = probe("bot.log.getClass()");
        assertThat(status.detail()).contains("bot API object").doesNotContain("org.majordome", "Lambda");
    }

    @Test
    void aScriptWithinTheSandboxRuns() {
        scripts.write("ok.js", "bot.command({name: 'hi', help: 'says hi'}, c => c.reply('hi ' + c.sender.nick));");
        PluginTestKit kit = scripts.start();
        TestRoom room = kit.room(ScriptFixture.ROOM);
        room.join("alice", Role.PARTICIPANT);
        room.say("alice", "!hi");
        assertThat(room.botSaid()).containsExactly("hi alice");
        assertThat(scripts.script("ok").status().state()).isEqualTo(ScriptStatus.State.RUNNING);
    }

    @Test
    void hostClassesCannotBeReachedThroughTheJavaPackageGlobal() {
        assertRefused(probe("java.lang.System.exit(1)"), "java is not defined");
    }

    @Test
    void otherLanguagesCannotBeImported() {
        assertRefused(probe("Polyglot.import('secrets')"), "Polyglot is not defined");
    }

    @Test
    void filesCannotBeImportedAsModules() {
        ScriptStatus status = probe("import('/etc/passwd').then(m => bot.log.warn('imported ' + Object.keys(m)), "
                + "e => bot.log.warn('import refused: ' + e))");
        assertThat(status.state()).isEqualTo(ScriptStatus.State.RUNNING);
        assertThat(scripts.logLines()).anyMatch(line -> line.contains("import refused: Error: Operation is not allowed"));
        assertThat(scripts.logLines()).noneMatch(line -> line.contains("imported"));
    }

    @Test
    void theNetworkIsNotReachableThroughXmlHttpRequestOrWebSocket() {
        assertRefused(probe("new XMLHttpRequest().open('GET', 'http://127.0.0.1/')"), "XMLHttpRequest is not defined");
    }

    @Test
    void webSocketsCannotBeOpened() {
        assertRefused(probe("new WebSocket('ws://127.0.0.1/')"), "WebSocket is not defined");
    }

    @Test
    void threadsCannotBeStartedThroughJavaThreads() {
        assertRefused(probe("new (Java.type('java.lang.Thread'))(() => {}).start()"), "Java is not defined");
    }
}
