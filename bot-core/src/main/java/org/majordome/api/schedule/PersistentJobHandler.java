package org.majordome.api.schedule;

/** Runs the persistent jobs of one kind. */
@FunctionalInterface
public interface PersistentJobHandler {
    void handle(String payload, Firing firing) throws Exception;
}
