package org.majordome.script;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/**
 * A script failed: the message says where ({@code dice.js:12}) and what. It carries no Java stack trace,
 * which would only show the host's frames; the script's location is in the message.
 */
public final class ScriptException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ScriptException(String message) {
        super(message, null, false, false);
    }

    /** "file:line: message" for an error raised by or in a script; the file alone when no line is known. */
    static String describe(PolyglotException failure, String fileName) {
        SourceSection location = failure.getSourceLocation();
        if (location == null || !location.isAvailable()) {
            location = null;
            for (PolyglotException.StackFrame frame : failure.getPolyglotStackTrace()) {
                if (frame.isGuestFrame() && frame.getSourceLocation() != null && frame.getSourceLocation().isAvailable()) {
                    location = frame.getSourceLocation();
                    break;
                }
            }
        }
        String where = location == null ? fileName : location.getSource().getName() + ":" + location.getStartLine();
        return where + ": " + failure.getMessage();
    }
}
