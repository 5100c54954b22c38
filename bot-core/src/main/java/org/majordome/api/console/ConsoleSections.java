package org.majordome.api.console;

/**
 * Where a plugin offers console sections, usually in {@code Plugin.start}. A plugin's sections disappear when it
 * stops (including a restart on configuration reload).
 */
public interface ConsoleSections {

    /**
     * Offers a section to the operator console.
     *
     * @return a handle that withdraws the section again
     * @throws IllegalArgumentException when the id is malformed or already taken
     */
    Registration offer(ConsoleSection section);

    /** An offered section; closing it withdraws the section (idempotent). */
    interface Registration extends AutoCloseable {

        @Override
        void close();
    }
}
