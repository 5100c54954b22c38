package org.majordome.script;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How scripts are found and limited.
 *
 * @param directory            the directory of {@code *.js} plugins
 * @param callTimeLimit        how long one call into a script (handler, command, job) may run
 * @param loadTimeLimit        how long running a script file's top level may take
 * @param allocationLimitBytes how many bytes one call may allocate before it is interrupted
 * @param maxViolations        limit violations after which a script is disabled until reloaded
 * @param settleTime           how long the watcher waits for a file to stop changing before reloading it
 */
public record ScriptSettings(Path directory, Duration callTimeLimit, Duration loadTimeLimit, long allocationLimitBytes,
                             int maxViolations, Duration settleTime) {

    public ScriptSettings {
        Objects.requireNonNull(directory, "directory");
        requirePositive(callTimeLimit, "callTimeLimit");
        requirePositive(loadTimeLimit, "loadTimeLimit");
        requirePositive(settleTime, "settleTime");
        if (allocationLimitBytes < 1) {
            throw new IllegalArgumentException("allocationLimitBytes must be positive, was " + allocationLimitBytes);
        }
        if (maxViolations < 1) {
            throw new IllegalArgumentException("maxViolations must be at least 1, was " + maxViolations);
        }
    }

    /** 2 s per call, 10 s per load, 128 MiB allocated per call, disabled after 3 violations, 300 ms settle time. */
    public static ScriptSettings defaults(Path directory) {
        return new ScriptSettings(directory, Duration.ofSeconds(2), Duration.ofSeconds(10), 128L << 20, 3,
                Duration.ofMillis(300));
    }

    public ScriptSettings withCallTimeLimit(Duration limit) {
        return new ScriptSettings(directory, limit, loadTimeLimit, allocationLimitBytes, maxViolations, settleTime);
    }

    public ScriptSettings withAllocationLimit(long bytes) {
        return new ScriptSettings(directory, callTimeLimit, loadTimeLimit, bytes, maxViolations, settleTime);
    }

    public ScriptSettings withMaxViolations(int violations) {
        return new ScriptSettings(directory, callTimeLimit, loadTimeLimit, allocationLimitBytes, violations, settleTime);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
