package org.majordome.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.packet.AdHocCommandData;
import org.junit.jupiter.api.Test;

/** The bot's answers (XEP-0050 §4) as written on the wire. */
class CommandResponseTest {

    @Test
    void notesWithMarkupCharactersWereWrittenUnescapedAndBrokeTheStream() throws Exception {
        AdHocCommandData response = new CommandResponse();
        response.setType(IQ.Type.result);
        response.setNode("status");
        response.setStatus(AdHocCommand.Status.completed);
        response.addNote(new AdHocCommandNote(AdHocCommandNote.Type.error, "The command failed: a < b & <c>"));

        AdHocCommandData read = (AdHocCommandData) PacketParserUtils.parseStanza(response.toXML().toString());

        assertThat(read.getNotes()).singleElement()
                .satisfies(note -> assertThat(note.getValue()).isEqualTo("The command failed: a < b & <c>"));
    }
}
