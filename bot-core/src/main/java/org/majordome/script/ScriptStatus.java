package org.majordome.script;

import java.util.Locale;

/** Where a script stands, and a line for people. */
public record ScriptStatus(ScriptStatus.State state, String detail) {

    /** Where a script stands. */
    public enum State {
        /** Not started yet. */
        NOT_LOADED,
        /** A version is running (possibly an older one, when the last reload failed: see the detail). */
        RUNNING,
        /** No version runs: the file failed to load. */
        FAILED,
        /** Stopped after repeated limit violations, until reloaded. */
        DISABLED,
        /** The file was removed. */
        REMOVED,
        /** The plugin was stopped. */
        STOPPED
    }

    @Override
    public String toString() {
        return state.name().toLowerCase(Locale.ROOT) + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
