package org.majordome.config;

import java.util.List;
import java.util.Optional;

import org.majordome.api.ConfigBinder;
import org.majordome.api.ConfigBindingException;

/**
 * Binds each plugin's section under {@code plugins:} to the plugin's config record with
 * {@link RecordBinder}, reporting problems with the same file, line and key precision as the rest of
 * the file. A plugin without a section gets its record's {@code defaults()}.
 */
public final class PluginConfigBinder implements ConfigBinder {

    private final BotConfig config;

    public PluginConfigBinder(BotConfig config) {
        this.config = config;
    }

    @Override
    public <C> C bind(String pluginId, Class<C> configType) throws ConfigBindingException {
        if (!configType.isRecord()) {
            throw new ConfigBindingException(List.of("plugin " + pluginId + ": its config type "
                    + configType.getName() + " is not a record"));
        }
        PluginSection section = config.plugins().get(pluginId);
        if (section == null) {
            return RecordBinder.defaultsOf(configType).orElseThrow(() -> new ConfigBindingException(List.of(
                    config.source() + ": plugins." + pluginId + ": missing section; this plugin has no defaults")));
        }
        ConfigProblems problems = new ConfigProblems(config.source());
        @SuppressWarnings({"unchecked", "rawtypes"})
        Optional<C> bound = (Optional<C>) RecordBinder.bind(section.reader(problems), (Class) configType);
        if (!problems.isEmpty() || bound.isEmpty()) {
            List<String> messages = problems.all().stream().map(ConfigProblem::format).toList();
            throw new ConfigBindingException(messages.isEmpty()
                    ? List.of("plugins." + pluginId + ": could not be bound") : messages);
        }
        return bound.get();
    }
}
