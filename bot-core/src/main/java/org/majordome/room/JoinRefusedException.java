package org.majordome.room;

import org.jivesoftware.smack.packet.StanzaError;
import org.majordome.text.Phrase;

/** The room answered the join presence with an error (XEP-0045 §7.2.6-§7.2.11). */
final class JoinRefusedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient StanzaError error;

    JoinRefusedException(StanzaError error) {
        super(error == null ? "unknown error" : error.toString());
        this.error = error;
    }

    StanzaError.Condition condition() {
        return error == null ? StanzaError.Condition.undefined_condition : error.getCondition();
    }

    /**
     * What the room said, quoted as it came, to be shown in a {@link RoomProblem}: with no error element, a text
     * of the bundle worded for the reader like the rest of the problem.
     */
    Object describe() {
        if (error == null) {
            return Phrase.of("room.problem.no-reason");
        }
        return error.getCondition() + (error.getDescriptiveText() == null ? "" : ": " + error.getDescriptiveText());
    }
}
