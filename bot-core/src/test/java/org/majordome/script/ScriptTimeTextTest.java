package org.majordome.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.event.Role;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestRoom;

/** Issue 22 item 5 for scripts: a room shows moments in its zone, saying which, like Java plugins' rooms. */
class ScriptTimeTextTest {

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

    @Test
    void aScriptShowsAMomentInTheRoomsZoneNotARawInstant() {
        scripts.write("when.js", """
                bot.command({name: 'when', help: 'Says when.'}, c => c.reply([
                    c.room.timeText(Date.UTC(2026, 11, 6, 22, 1, 46)),
                    c.room.timeText(new Date(Date.UTC(2026, 11, 6, 22, 1, 46))),
                    c.room.timeText('2026-12-06T22:01:46.931277511Z'),
                    c.room.timeZone].join(' | ')));
                """);
        PluginTestKit kit = scripts.start();
        TestRoom room = kit.room(ScriptFixture.ROOM).withTimeZone(ZoneId.of("Europe/Paris"));
        room.join("alice", Role.PARTICIPANT);
        room.say("alice", "!when");
        assertThat(room.botSaidAsSeen()).containsExactly(
                "alice: 2026-12-06 23:01 CET | 2026-12-06 23:01 CET | 2026-12-06 23:01 CET | Europe/Paris");
    }
}
