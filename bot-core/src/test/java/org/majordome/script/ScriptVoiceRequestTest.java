package org.majordome.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.event.Role;
import org.majordome.api.event.VoiceDecision;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestRoom;

/**
 * Scripts receive voice requests like Java plugins, as {@code VoiceRequested} with the policy's decision; and the
 * script declarations ({@code scripts/majordome.d.ts}) name every event type a script can listen to.
 */
class ScriptVoiceRequestTest {

    private static final Path DECLARATIONS = Path.of("../scripts/majordome.d.ts");

    @TempDir
    Path temp;
    private ScriptFixture scripts;

    @BeforeEach
    void setUp() throws Exception {
        scripts = new ScriptFixture(Files.createDirectory(temp.resolve("scripts")));
        scripts.write("voice.js", """
                bot.onEvent('VoiceRequested', e => {
                    if (e.decision === 'forwarded') {
                        e.room.send(e.request.nick + ' asks for voice (' + e.why + '), role ' + e.occupant.role);
                    }
                });
                """);
    }

    @AfterEach
    void tearDown() {
        scripts.close();
    }

    @Test
    void aScriptSeesAVoiceRequestAndTheBotsDecision() {
        PluginTestKit kit = scripts.start();
        TestRoom room = kit.room(ScriptFixture.ROOM);
        room.join("vera", Role.VISITOR);

        room.requestVoice("vera", VoiceDecision.FORWARDED, "left for the moderators");
        room.requestVoice("vera", VoiceDecision.GRANTED, "member");

        assertThat(room.botSaid()).containsExactly("vera asks for voice (left for the moderators), role visitor");
    }

    @Test
    void theScriptDeclarationsNameEveryEventType() throws Exception {
        String declarations = Files.readString(DECLARATIONS);
        Matcher eventTypes = Pattern.compile("(?s)interface EventTypes \\{(.*?)\\n}").matcher(declarations);
        assertThat(eventTypes.find()).as("interface EventTypes in " + DECLARATIONS).isTrue();

        for (String type : ScriptGeneration.EVENT_TYPES) {
            assertThat(eventTypes.group(1)).as("EventTypes declares " + type).containsPattern("\\n\\s+" + type + ":");
        }
    }

    /**
     * A merge once left {@code destroy} outside {@code Room}, inside {@code AffiliationResult}, without its comment's
     * opening or the interface's closing brace: editors then refuse the whole file.
     */
    @Test
    void theScriptDeclarationsAreWellFormedAndRoomDeclaresDestroy() throws Exception {
        String declarations = Files.readString(DECLARATIONS);
        String code = declarations.replaceAll("(?s)/\\*\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        assertThat(code).as("a comment closed without being opened").doesNotContain("*/").doesNotContain("/*");
        assertThat(code.chars().filter(c -> c == '{').count()).as("braces").isEqualTo(code.chars().filter(c -> c == '}').count());
        Matcher room = Pattern.compile("(?s)\\ninterface Room \\{(.*?)\\n}").matcher(code);
        assertThat(room.find()).isTrue();
        assertThat(room.group(1)).contains("destroy(reason?: string, alternativeRoom?: string): void;");
        Matcher result = Pattern.compile("(?s)\\ninterface AffiliationResult \\{(.*?)\\n}").matcher(code);
        assertThat(result.find()).isTrue();
        assertThat(result.group(1)).doesNotContain("destroy");
    }
}
