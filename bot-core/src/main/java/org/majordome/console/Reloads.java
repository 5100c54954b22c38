package org.majordome.console;

import java.util.List;

import org.majordome.api.text.Wording;

/**
 * Reloading the configuration file from the console: first {@link #check} (the same whole-file validation as
 * {@code check-config}, nothing applied), then, on a second confirming request, {@link #apply}.
 */
public interface Reloads {

    /**
     * What a check or a reload found.
     *
     * @param acceptable the file may be applied (checked) or was applied (reloaded)
     * @param lines      the report: problems, warnings, what would change or changed
     */
    record Report(boolean acceptable, List<String> lines) {
        public Report {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Validates the file as a reload would, and says what would change, without applying anything.
     *
     * @param words the operator's language, in which the report is written
     */
    Report check(Wording words);

    /**
     * Reads the file again and applies it (as SIGHUP does).
     *
     * @param words the operator's language, in which the report is written
     */
    Report apply(Wording words);
}
