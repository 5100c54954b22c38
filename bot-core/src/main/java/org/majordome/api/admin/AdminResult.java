package org.majordome.api.admin;

import java.util.Objects;

/**
 * What an administration command tells the administrator (an XEP-0050 note).
 *
 * @param outcome whether it worked
 * @param text    the text shown, possibly several lines
 */
public record AdminResult(Outcome outcome, String text) {

    /** How the run ended; clients show the three differently (note types info, warn, error). */
    public enum Outcome {
        DONE,
        WARNING,
        FAILED
    }

    public AdminResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(text, "text");
    }

    public static AdminResult done(String text) {
        return new AdminResult(Outcome.DONE, text);
    }

    public static AdminResult warning(String text) {
        return new AdminResult(Outcome.WARNING, text);
    }

    public static AdminResult failed(String text) {
        return new AdminResult(Outcome.FAILED, text);
    }
}
