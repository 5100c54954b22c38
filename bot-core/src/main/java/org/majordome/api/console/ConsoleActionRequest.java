package org.majordome.api.console;

import java.util.Locale;
import java.util.Objects;

/**
 * An action an operator confirmed.
 *
 * @param operator the operator's bare JID, to name in the case or log line the plugin records
 * @param room     the row's room (the operator may manage it)
 * @param rowId    the row's id
 * @param action   the {@link ConsoleAction#name()}
 * @param language the operator's language (from the browser), for the outcome's message
 */
public record ConsoleActionRequest(String operator, String room, String rowId, String action, Locale language) {

    public ConsoleActionRequest {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(action, "action");
        language = language == null ? Locale.ENGLISH : language;
    }

    /** A request in English. */
    public ConsoleActionRequest(String operator, String room, String rowId, String action) {
        this(operator, room, rowId, action, Locale.ENGLISH);
    }
}
