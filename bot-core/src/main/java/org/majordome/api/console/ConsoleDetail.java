package org.majordome.api.console;

import java.util.List;
import java.util.Objects;

/**
 * One row's detail: its fields and what the operator may do with it.
 *
 * @param title   the heading, e.g. "Case lobby#12"
 * @param fields  label and value pairs, in display order (evidence included)
 * @param actions the actions offered on this row now (e.g. none on a case already undone)
 */
public record ConsoleDetail(String title, List<Field> fields, List<ConsoleAction> actions) {

    public ConsoleDetail {
        Objects.requireNonNull(title, "title");
        fields = List.copyOf(fields);
        actions = List.copyOf(actions);
    }

    /**
     * One labelled value.
     *
     * @param label what it is
     * @param value its text
     */
    public record Field(String label, String value) {
        public Field {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }
}
