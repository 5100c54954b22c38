package org.majordome.plugins.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.majordome.api.ConfigBindingException;
import org.majordome.config.BotConfig;
import org.majordome.config.ConfigException;
import org.majordome.config.ConfigLoader;
import org.majordome.config.PluginConfigBinder;

/**
 * Binds a plugin's YAML section the way the bot does (loader, then record binder), so tests can prove that the
 * configuration a package documents is what the plugin reads.
 */
public final class PluginSections {

    private PluginSections() {
    }

    /**
     * @param section the plugin's section, indented as under {@code plugins.<id>:} would be, without that line
     */
    public static <C> C bind(String pluginId, Class<C> configType, String section)
            throws ConfigException, ConfigBindingException {
        try {
            Path file = Files.createTempFile("plugin-section", ".yml");
            try {
                Files.writeString(file, "connection:\n  jid: bot@localhost\n  password: pw\nplugins:\n  " + pluginId
                        + ":\n" + section.indent(4));
                BotConfig config = new ConfigLoader(Map.of()).load(file);
                return new PluginConfigBinder(config).bind(pluginId, configType);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
