package org.majordome.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.event.Role;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.RoomAction;
import org.majordome.testkit.TestRoom;

/** Issue 16 item 5: scripts reach {@code RoomHandle.destroy} as {@code room.destroy(reason?, alternativeRoom?)}. */
class ScriptRoomDestroyTest {

    @TempDir
    Path temp;
    private ScriptFixture scripts;

    @BeforeEach
    void setUp() throws Exception {
        scripts = new ScriptFixture(Files.createDirectory(temp.resolve("scripts")));
        scripts.write("retire.js", """
                bot.command({name: 'retire', help: 'Destroys the room.'}, c => c.args.length
                    ? c.room.destroy('We moved', c.args[0]) : c.room.destroy());
                """);
    }

    @AfterEach
    void tearDown() {
        scripts.close();
    }

    @Test
    void aScriptDestroysTheRoomWithAReasonAndAnAlternative() {
        PluginTestKit kit = scripts.start();
        TestRoom room = kit.room(ScriptFixture.ROOM);
        room.join("alice", Role.MODERATOR);

        room.say("alice", "!retire new@conference.localhost");

        assertThat(room.lastAction()).contains(new RoomAction.Destroyed("We moved", "new@conference.localhost"));
        assertThat(room.destroyed()).isTrue();
        assertThat(room.botJoined()).isFalse();
    }

    @Test
    void withoutArgumentsItDestroysTheRoomWithNeitherReasonNorAlternative() {
        PluginTestKit kit = scripts.start();
        TestRoom room = kit.room(ScriptFixture.ROOM);
        room.join("alice", Role.MODERATOR);

        room.say("alice", "!retire");

        assertThat(room.lastAction()).contains(new RoomAction.Destroyed("", ""));
    }
}
