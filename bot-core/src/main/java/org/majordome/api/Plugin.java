package org.majordome.api;

/**
 * A bot plugin: one object, started once with its context, stopped once.
 *
 * <p>Besides this interface, a plugin declares what it listens to with public methods annotated
 * {@link OnEvent} and which commands it offers with public methods annotated
 * {@link org.majordome.api.command.Command}. Their signatures are checked when the bot starts; a wrong
 * one stops the start with a message naming the class and method.
 *
 * <pre>{@code
 * public final class EchoPlugin implements Plugin<NoConfig> {
 *     private PluginContext<NoConfig> context;
 *
 *     public String id() { return "echo"; }
 *     public Class<NoConfig> configType() { return NoConfig.class; }
 *     public void start(PluginContext<NoConfig> context) { this.context = context; }
 *
 *     @Command(name = "echo", usage = "<text>", help = "Repeats the text.", minArgs = 1)
 *     public void echo(CommandInvocation invocation) { invocation.reply(invocation.argumentText()); }
 * }
 * }</pre>
 *
 * @param <C> the plugin's configuration type, usually a record bound from the plugin's section of the
 *            configuration file; {@link NoConfig} for a plugin without configuration
 */
public interface Plugin<C> {

    /** What an id may be, in words, for error messages: the one rule that configuration, storage and scripts share. */
    String ID_RULE = "1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";

    /**
     * The plugin's id: the key of its configuration section and the name rooms enable it by ({@link #ID_RULE},
     * checked by {@link #isValidId}); constant for the life of the object.
     */
    String id();

    /** True when {@code id} follows {@link #ID_RULE}. */
    static boolean isValidId(String id) {
        return id != null && id.length() <= 64 && id.matches("[a-z0-9][a-z0-9._-]*");
    }

    /** The class the plugin's configuration section is bound to; {@link NoConfig} when it takes none. */
    Class<C> configType();

    /**
     * Called once before any event or command reaches the plugin. Keep the context; register programmatic
     * commands here. An exception leaves the plugin disabled and is reported as a start problem.
     */
    void start(PluginContext<C> context);

    /** Called once when the bot stops or the plugin is unloaded; after it, no handler is called. */
    default void stop() {
    }
}
