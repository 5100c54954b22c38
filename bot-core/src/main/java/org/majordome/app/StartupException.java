package org.majordome.app;

import java.util.List;

/** The bot cannot start as configured (unknown plugins, invalid plugin configuration...); lists every problem. */
public final class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public StartupException(List<String> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " prevent the start:\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
