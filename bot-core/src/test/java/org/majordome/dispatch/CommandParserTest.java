package org.majordome.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommandParserTest {

    private final CommandParser parser = new CommandParser("!");

    @Test
    void splitsArgumentsOnWhitespace() {
        assertThat(parser.parse("!Kick  spammer   now"))
                .isEqualTo(new CommandParser.Parsed("kick", List.of("spammer", "now"), "spammer   now"));
    }

    @Test
    void keepsQuotedTextTogetherWithEitherQuote() {
        assertThat(parser.parse("!kick \"Mr Spam\" 'flooding the room' x").toString())
                .contains("[Mr Spam, flooding the room, x]");
    }

    @Test
    void backslashEscapesQuotesAndSpaces() {
        assertThat(((CommandParser.Parsed) parser.parse("!say \\\"hi\\\" a\\ b \"in \\\" quote\"")).arguments())
                .containsExactly("\"hi\"", "a b", "in \" quote");
    }

    @Test
    void anApostropheInsideAWordIsText() {
        assertThat(((CommandParser.Parsed) parser.parse("!say don't panic")).arguments())
                .containsExactly("don't", "panic");
    }

    @Test
    void emptyQuotesGiveAnEmptyArgument() {
        assertThat(((CommandParser.Parsed) parser.parse("!set topic \"\"")).arguments()).containsExactly("topic", "");
    }

    @Test
    void anOpenQuoteIsMalformed() {
        assertThat(parser.parse("!kick \"spammer")).isEqualTo(new CommandParser.Malformed("kick", "a quote is not closed"));
    }

    @Test
    void onlyTheStartOfTheBodyCounts() {
        assertThat(parser.parse("please !kick spammer")).isInstanceOf(CommandParser.NotACommand.class);
        assertThat(parser.parse(" !kick spammer")).isInstanceOf(CommandParser.NotACommand.class);
    }

    @Test
    void exclamationsAndReplyFallbacksAreTalk() {
        assertThat(parser.parse("!!!")).isInstanceOf(CommandParser.NotACommand.class);
        assertThat(parser.parse("! wow")).isInstanceOf(CommandParser.NotACommand.class);
        assertThat(parser.parse("!")).isInstanceOf(CommandParser.NotACommand.class);
        assertThat(parser.parse("> alice wrote:\n> !kick bob\nno")).isInstanceOf(CommandParser.NotACommand.class);
        assertThat(parser.parse("")).isInstanceOf(CommandParser.NotACommand.class);
    }

    @Test
    void aLongerPrefixWorks() {
        assertThat(new CommandParser("bot,").parse("bot,help kick"))
                .isEqualTo(new CommandParser.Parsed("help", List.of("kick"), "kick"));
    }

    @Test
    void aPrefixWithSpacesIsRejected() {
        assertThatThrownBy(() -> new CommandParser("hey bot")).hasMessageContaining("'hey bot'");
    }
}
