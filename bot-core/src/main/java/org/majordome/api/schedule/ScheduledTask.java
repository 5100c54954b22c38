package org.majordome.api.schedule;

/** The work of an in-memory job. */
@FunctionalInterface
public interface ScheduledTask {
    void run(Firing firing) throws Exception;
}
