package org.majordome.dispatch;

import org.majordome.api.Plugin;
import org.majordome.api.text.Texts;

/** Where plugin contexts get their {@link Texts}, and the command stage the runtime's own. */
public interface PluginTexts {

    /** The texts of one plugin: its own bundle, with the runtime's shared formats behind it. */
    Texts forPlugin(Plugin<?> plugin);

    /**
     * The texts last made for that plugin id by {@link #forPlugin}, for the runtime's words about its commands
     * ({@code !help}); the runtime's when there are none.
     */
    Texts ofPlugin(String pluginId);

    /** The runtime's own texts: {@code !help}, refusals, usage, failures. */
    Texts runtime();
}
