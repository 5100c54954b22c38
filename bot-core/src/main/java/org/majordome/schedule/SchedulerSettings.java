package org.majordome.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * @param instanceName      the Quartz scheduler name under which persistent jobs are stored; one running
 *                          scheduler per name and JVM, unless clustered
 * @param memoryThreads     threads running in-memory jobs
 * @param persistentThreads threads running persistent jobs
 * @param misfireThreshold  how late a run may start before it counts as missed (then the misfire policy
 *                          applies)
 * @param clusterInstance   in a cluster, this instance's name: the persistent scheduler is one of several sharing
 *                          the job store (Quartz's clustered JDBC store), each job fired by one of them; empty when
 *                          the bot runs alone
 */
public record SchedulerSettings(String instanceName, int memoryThreads, int persistentThreads,
                                Duration misfireThreshold, java.util.Optional<String> clusterInstance) {

    public SchedulerSettings {
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(misfireThreshold, "misfireThreshold");
        Objects.requireNonNull(clusterInstance, "clusterInstance");
        if (memoryThreads < 1 || persistentThreads < 1) {
            throw new IllegalArgumentException("thread counts must be positive, were " + memoryThreads + " and "
                    + persistentThreads);
        }
    }

    /** Settings of a bot that runs alone. */
    public SchedulerSettings(String instanceName, int memoryThreads, int persistentThreads, Duration misfireThreshold) {
        this(instanceName, memoryThreads, persistentThreads, misfireThreshold, java.util.Optional.empty());
    }

    public static SchedulerSettings defaults() {
        return new SchedulerSettings("majordome", 4, 2, Duration.ofSeconds(5));
    }

    /** These settings for the instance {@code instance} of a cluster. */
    public SchedulerSettings clustered(String instance) {
        return new SchedulerSettings(instanceName, memoryThreads, persistentThreads, misfireThreshold,
                java.util.Optional.of(instance));
    }
}
