package org.majordome.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.majordome.webchat.GuestHostVerbs.Command;
import org.majordome.webchat.GuestHostVerbs.Event;
import org.majordome.webchat.GuestHostVerbs.Received;
import org.majordome.webchat.GuestHostVerbs.Verb;

/** The guest host's verbs: both ends read what the other writes, and a line of the wrong shape is refused whole. */
class GuestHostVerbsTest {

    @Test
    void everyVerbComesBackWithItsSessionAndArgumentsFromItsLine() {
        for (Verb verb : Stream.concat(Arrays.stream(Command.values()), Arrays.stream(Event.values())).toList()) {
            String[] arguments = new String[verb.arguments()];
            Arrays.setAll(arguments, i -> GuestHostLinesTest.HOSTILE + i);
            List<String> fields = GuestHostLines.fields(GuestHostVerbs.line(verb, "web-7\tx", arguments));

            Received<?> read = verb instanceof Command ? GuestHostVerbs.read(Command.class, fields)
                    : GuestHostVerbs.read(Event.class, fields);

            assertThat(read.verb()).isEqualTo(verb);
            assertThat(read.session()).isEqualTo("web-7\tx");
            assertThat(read.arguments()).containsExactly(arguments);
        }
    }

    @Test
    void noTwoVerbsShareAWord() {
        Set<String> words = new HashSet<>();
        Stream.concat(Arrays.stream(Command.values()), Arrays.stream(Event.values()))
                .forEach(verb -> assertThat(words.add(verb.word())).as(verb.word()).isTrue());
    }

    @Test
    void aVerbWithTooFewOrTooManyArgumentsIsNotWritten() {
        assertThatThrownBy(() -> GuestHostVerbs.line(Event.KICKED, "web-1", "moderator"))
                .hasMessage("'kicked' takes 2 arguments, not 1");
        assertThatThrownBy(() -> GuestHostVerbs.line(Command.JOIN, "web-1", "extra"))
                .hasMessage("'join' takes 0 arguments, not 1");
    }

    @Test
    void aLineOfTheWrongShapeOrAnUnknownVerbIsRefusedByName() {
        assertThatThrownBy(() -> GuestHostVerbs.read(Event.class, List.of("banned", "web-1", "outcast", "boss")))
                .hasMessage("'banned' with 3 fields, not a session and 3 arguments");
        assertThatThrownBy(() -> GuestHostVerbs.read(Event.class, List.of("kicked")))
                .hasMessage("'kicked' with 0 fields, not a session and 2 arguments");
        assertThatThrownBy(() -> GuestHostVerbs.read(Command.class, List.of("frame", "web-1", "{}")))
                .hasMessage("an unknown command 'frame'");
        assertThatThrownBy(() -> GuestHostVerbs.read(Event.class, List.of("", "web-1")))
                .hasMessage("an unknown event ''");
    }
}
