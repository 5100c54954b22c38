package org.majordome.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key=value} arguments every load harness takes (from {@code -Dbench.args}). */
final class HarnessArgs {

    private HarnessArgs() {
    }

    /** The arguments by key, in order; throws on an argument without {@code =}. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        return options;
    }
}
