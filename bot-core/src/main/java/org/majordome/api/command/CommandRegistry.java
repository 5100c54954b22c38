package org.majordome.api.command;

/**
 * Registers commands programmatically (script plugins, commands named from configuration). Commands
 * registered here behave exactly like {@link Command}-annotated methods of the same plugin: they are
 * available in the rooms the plugin is enabled in, after the permission stage.
 */
public interface CommandRegistry {

    /**
     * Adds a command.
     *
     * @return a handle that removes the command again
     * @throws IllegalArgumentException when the name or an alias is already taken (by any plugin) or is
     *                                  {@code help}, which is built in
     */
    Registration register(CommandSpec spec, CommandHandler handler);

    /** A registered command; closing it removes the command (idempotent). */
    interface Registration extends AutoCloseable {

        /** The registered spec. */
        CommandSpec spec();

        @Override
        void close();
    }
}
