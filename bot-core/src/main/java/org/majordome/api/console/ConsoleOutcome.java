package org.majordome.api.console;

import java.util.Objects;

/**
 * How an action ended, shown to the operator.
 *
 * @param done    whether it worked
 * @param message what happened, e.g. "Ban lifted (case lobby#13)"
 */
public record ConsoleOutcome(boolean done, String message) {

    public ConsoleOutcome {
        Objects.requireNonNull(message, "message");
    }

    public static ConsoleOutcome done(String message) {
        return new ConsoleOutcome(true, message);
    }

    public static ConsoleOutcome failed(String message) {
        return new ConsoleOutcome(false, message);
    }
}
