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
import org.majordome.testkit.TestRoom;

/**
 * Scripts reach what Java plugins reach: the room's subject ({@code RoomHandle.subject()}, which the topic plugin
 * uses to give a new room its first subject at once), as a value a single-threaded script can read.
 */
class ScriptRoomSubjectTest {

    @TempDir
    Path temp;
    private ScriptFixture scripts;

    @BeforeEach
    void setUp() throws Exception {
        scripts = new ScriptFixture(Files.createDirectory(temp.resolve("scripts")));
        scripts.write("subject.js", """
                bot.command({name: 'subject', help: 'Says the subject.'},
                    c => c.reply('subject: ' + JSON.stringify(c.room.subject())));
                """);
    }

    @AfterEach
    void tearDown() {
        scripts.close();
    }

    @Test
    void aScriptReadsTheRoomsSubject() {
        PluginTestKit kit = scripts.start();
        TestRoom room = kit.room(ScriptFixture.ROOM).withSubject("Rules: be kind");
        room.join("alice", Role.PARTICIPANT);
        room.say("alice", "!subject");
        assertThat(room.botSaidAsSeen()).containsExactly("alice: subject: \"Rules: be kind\"");
    }

    @Test
    void aRoomWithoutSubjectIsAnEmptyTextNotAnError() {
        PluginTestKit kit = scripts.start();
        TestRoom room = kit.room(ScriptFixture.ROOM);
        room.join("alice", Role.PARTICIPANT);
        room.say("alice", "!subject");
        assertThat(room.botSaidAsSeen()).containsExactly("alice: subject: \"\"");
    }
}
