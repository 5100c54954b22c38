package org.majordome.script;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.majordome.api.text.Wording;

/**
 * Where a script stands, and a line for people: {@link #toString()} in English (the log's words), {@link #in} in
 * the reader's language.
 *
 * @param state      where it stands
 * @param detail     more about it, in English; empty for nothing
 * @param detailKey  the text of the detail in the {@code scripts} plugin's bundle; empty when the detail is shown as
 *                   it is (a script's own error, which only its author's words describe)
 * @param detailArgs the arguments of that text
 */
public record ScriptStatus(ScriptStatus.State state, String detail, String detailKey, List<Object> detailArgs) {

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

    public ScriptStatus {
        detailArgs = List.copyOf(detailArgs);
    }

    /** A status whose detail is shown as it is. */
    public ScriptStatus(State state, String detail) {
        this(state, detail, "", List.of());
    }

    /** A status whose detail is a text of the {@code scripts} plugin's bundle ({@code detail} its English words). */
    static ScriptStatus of(State state, String detail, String detailKey, Object... detailArgs) {
        return new ScriptStatus(state, detail, detailKey, Arrays.asList(detailArgs));
    }

    /** Running, with what the version registered. */
    static ScriptStatus running(int handlers, int commands, int jobs) {
        return of(State.RUNNING, handlers + " event handler(s), " + commands + " command(s), " + jobs + " job(s)",
                "script.detail.running", handlers, commands, jobs);
    }

    /** A reload that could not be queued: the script's thread is busy. */
    static ScriptStatus busy(State state) {
        return of(state, "busy: reload not queued", "script.detail.busy");
    }

    /**
     * Disabled after repeated limit violations.
     *
     * @param broken the limit in English words
     * @param limit  the time limit in milliseconds, or minus the allocation limit in MiB
     */
    static ScriptStatus disabled(int violations, String what, String broken, long limit) {
        return of(State.DISABLED, violations + " limit violations, last: " + what + " exceeded its " + broken,
                limit >= 0 ? "script.detail.disabled.time" : "script.detail.disabled.allocation", violations, what,
                Math.abs(limit));
    }

    /** The status in the wording's language (the {@code scripts} plugin's texts). */
    public String in(Wording wording) {
        String shownState = wording.format("script.state." + state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        String shownDetail = detailKey.isEmpty() ? detail : wording.format(detailKey, detailArgs.toArray());
        return shownDetail.isEmpty() ? shownState : wording.format("script.status", shownState, shownDetail);
    }

    @Override
    public String toString() {
        return state.name().toLowerCase(Locale.ROOT) + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
