package org.majordome.api.console;

import java.util.List;
import java.util.Objects;

/**
 * One row of a section's list.
 *
 * @param room  the bare JID of the room it belongs to (the console checks the operator may manage it)
 * @param id    the row's id within its room, e.g. a case number; it opens the row's detail
 * @param cells the texts of its cells, one per {@link ConsoleSection#columns(java.util.Locale)} heading
 */
public record ConsoleRow(String room, String id, List<String> cells) {

    public ConsoleRow {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(id, "id");
        cells = List.copyOf(cells);
    }
}
