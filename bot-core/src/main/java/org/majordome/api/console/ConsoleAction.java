package org.majordome.api.console;

import java.util.Objects;

/**
 * An action on a row, e.g. undoing a ban.
 *
 * @param name         its id in the request (lower-case letters, digits and {@code -})
 * @param label        the button's text, e.g. "Undo the ban"
 * @param confirmation what the operator reads and confirms before it runs, e.g. "Lift the ban of x@example.org?"
 */
public record ConsoleAction(String name, String label, String confirmation) {

    public ConsoleAction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(confirmation, "confirmation");
    }
}
