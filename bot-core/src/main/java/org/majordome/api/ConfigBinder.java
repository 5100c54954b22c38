package org.majordome.api;

/**
 * Turns a plugin's section of the configuration file into its typed configuration. Implemented by the
 * runtime (and by test kits); plugins do not call it. It is never asked to bind {@link NoConfig}.
 */
public interface ConfigBinder {

    /**
     * Binds the section of the given plugin.
     *
     * @param pluginId   the plugin whose section to bind
     * @param configType the plugin's {@link Plugin#configType()}
     * @return the bound, validated configuration (defaults when the file has no section for the plugin)
     * @throws ConfigBindingException listing every problem found in the section
     */
    <C> C bind(String pluginId, Class<C> configType) throws ConfigBindingException;
}
