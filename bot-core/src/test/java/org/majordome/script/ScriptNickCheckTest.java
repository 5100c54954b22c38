package org.majordome.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.testkit.PluginTestKit;

/** Scripts reach {@code PluginContext.checkNicks} as {@code bot.checkNicks(function (room, nick) {...})}. */
class ScriptNickCheckTest {

    @TempDir
    Path temp;
    private ScriptFixture scripts;

    @BeforeEach
    void setUp() throws Exception {
        scripts = new ScriptFixture(Files.createDirectory(temp.resolve("scripts")));
    }

    @AfterEach
    void tearDown() {
        scripts.close();
    }

    @Test
    void aScriptRefusesANickInItsWordsAndItsNextVersionsCheckReplacesIt() {
        scripts.write("nicks.js", """
                bot.checkNicks((room, nick) => nick.toLowerCase().includes('boss')
                    ? 'Only the real boss may be called ' + nick : null);
                """);
        PluginTestKit kit = scripts.start();

        assertThat(kit.nickRefusal(ScriptFixture.ROOM, "TheBoss"))
                .contains("Only the real boss may be called TheBoss");
        assertThat(kit.nickRefusal(ScriptFixture.ROOM, "Ann")).isEmpty();

        scripts.write("nicks.js", """
                bot.checkNicks((room, nick) => nick === 'Ann' ? 'Ann is taken for good' : undefined);
                """);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                kit.nickRefusal(ScriptFixture.ROOM, "Ann").equals(Optional.of("Ann is taken for good")));
        // The first version's check went with it.
        assertThat(kit.nickRefusal(ScriptFixture.ROOM, "TheBoss")).isEmpty();
    }

    @Test
    void aCheckThatThrowsLetsTheNickPass() {
        scripts.write("broken.js", "bot.checkNicks((room, nick) => { throw new Error('oops'); });\n");
        PluginTestKit kit = scripts.start();

        assertThat(kit.nickRefusal(ScriptFixture.ROOM, "Ann")).isEmpty();
    }

    /** The declarations scripts' editors read say what {@code bot.checkNicks} takes. */
    @Test
    void theScriptDeclarationsDeclareCheckNicks() throws Exception {
        String declarations = Files.readString(Path.of("../scripts/majordome.d.ts"));
        assertThat(declarations).contains("checkNicks(check: (roomJid: string, nick: string) => string | null | undefined)"
                + ": void;");
    }
}
