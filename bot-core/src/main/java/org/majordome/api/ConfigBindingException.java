package org.majordome.api;

import java.util.List;

/** A plugin's configuration section could not be bound; carries every problem, each with its location. */
public final class ConfigBindingException extends Exception {

    private final List<String> problems;

    /** @param problems what is wrong, one entry per problem, each naming file, key and offending value */
    public ConfigBindingException(List<String> problems) {
        super(String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a binding failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file order. */
    public List<String> problems() {
        return problems;
    }
}
