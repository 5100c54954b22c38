package org.majordome.api.admin;

/**
 * Where a plugin offers administration commands, usually in {@code Plugin.start}. A plugin's commands
 * disappear when it stops (including a restart on configuration reload).
 */
public interface AdminCommands {

    /**
     * Offers a command to the bot's administrators.
     *
     * @return a handle that withdraws the command again
     * @throws IllegalArgumentException when the node is malformed or already taken
     */
    Registration offer(AdminCommand command);

    /** An offered command; closing it withdraws the command (idempotent). */
    interface Registration extends AutoCloseable {

        @Override
        void close();
    }
}
