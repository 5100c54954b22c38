package org.majordome.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.GateFailedEvent;
import org.majordome.api.event.GatePassedEvent;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.Role;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestRoom;

/**
 * Issue 17 item 5: scripts receive the events the gate plugin publishes when a visitor passes or fails it, with
 * their fields, and the script declarations ({@code scripts/majordome.d.ts}) declare both with those fields.
 */
class ScriptGateEventsTest {

    private static final Path DECLARATIONS = Path.of("../scripts/majordome.d.ts");

    @TempDir
    Path temp;
    private ScriptFixture scripts;

    @BeforeEach
    void setUp() throws Exception {
        scripts = new ScriptFixture(Files.createDirectory(temp.resolve("scripts")));
        scripts.write("gatewatch.js", """
                bot.onEvent('GatePassed', e => e.room.send(e.occupant.nick + ' passed (' + e.how + ')'));
                bot.onEvent('GateFailed', e => e.room.send(e.occupant.nick + ' failed after ' + e.tries + ' tries'));
                """);
    }

    @AfterEach
    void tearDown() {
        scripts.close();
    }

    @Test
    void aScriptHearsWhoPassedAndWhoFailedTheGate() {
        PluginTestKit kit = scripts.start();
        TestRoom room = kit.room(ScriptFixture.ROOM);

        kit.deliver(new GatePassedEvent(ScriptFixture.ROOM, visitor("vera"), "answered", kit.clock().instant()));
        kit.deliver(new GateFailedEvent(ScriptFixture.ROOM, visitor("spam"), 3, kit.clock().instant()));

        assertThat(room.botSaid()).containsExactly("vera passed (answered)", "spam failed after 3 tries");
    }

    @Test
    void theDeclarationsDeclareBothGateEventsWithTheirFields() throws Exception {
        String declarations = Files.readString(DECLARATIONS);

        assertThat(declarations).containsPattern("GatePassed: RoomEventBase & \\{ occupant: Occupant; how: ")
                .containsPattern("GateFailed: RoomEventBase & \\{ occupant: Occupant; tries: number }");
    }

    private static Occupant visitor(String nick) {
        return new Occupant(nick, Optional.empty(), Optional.empty(), Role.VISITOR, Affiliation.NONE);
    }
}
