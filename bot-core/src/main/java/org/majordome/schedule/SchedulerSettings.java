package org.majordome.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * @param instanceName      the Quartz scheduler name under which persistent jobs are stored; one running
 *                          scheduler per name and JVM
 * @param memoryThreads     threads running in-memory jobs
 * @param persistentThreads threads running persistent jobs
 * @param misfireThreshold  how late a run may start before it counts as missed (then the misfire policy
 *                          applies)
 */
public record SchedulerSettings(String instanceName, int memoryThreads, int persistentThreads,
                                Duration misfireThreshold) {

    public SchedulerSettings {
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(misfireThreshold, "misfireThreshold");
        if (memoryThreads < 1 || persistentThreads < 1) {
            throw new IllegalArgumentException("thread counts must be positive, were " + memoryThreads + " and "
                    + persistentThreads);
        }
    }

    public static SchedulerSettings defaults() {
        return new SchedulerSettings("majordome", 4, 2, Duration.ofSeconds(5));
    }
}
