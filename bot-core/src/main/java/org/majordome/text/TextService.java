package org.majordome.text;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.majordome.api.Plugin;
import org.majordome.api.text.Texts;
import org.majordome.dispatch.PluginTexts;

/**
 * Every plugin's {@link Texts} for one generation of the plugins: each plugin's bundle ({@link Bundles}), the
 * runtime's behind it, the configuration's languages and replacements, and the languages users declared.
 */
public final class TextService implements PluginTexts {

    /** The id under which the runtime's own texts are replaced in {@code rooms[].texts}. */
    public static final String RUNTIME_ID = "runtime";

    private final TextSettings settings;
    private final SenderLanguages senders;
    private final Function<Plugin<?>, Optional<Path>> scriptFile;
    private final Bundle runtimeBundle = Bundles.runtime();
    private final Map<String, Texts> byPlugin = new ConcurrentHashMap<>();

    /**
     * @param scriptFile the file of a script plugin, whose bundle is beside it; empty for a Java plugin
     */
    public TextService(TextSettings settings, SenderLanguages senders, Function<Plugin<?>, Optional<Path>> scriptFile) {
        this.settings = settings;
        this.senders = senders;
        this.scriptFile = scriptFile;
    }

    @Override
    public Texts forPlugin(Plugin<?> plugin) {
        Bundle own = scriptFile.apply(plugin).map(Bundles::ofScript).orElseGet(() -> Bundles.ofClass(plugin.getClass()));
        // A script read again gets its bundle read again: a new Texts each start, not a cached one.
        Texts texts = new BundleTexts(plugin.id(), own, runtimeBundle, settings, senders);
        byPlugin.put(plugin.id(), texts);
        return texts;
    }

    @Override
    public Texts ofPlugin(String pluginId) {
        Texts texts = byPlugin.get(pluginId);
        return texts != null ? texts : runtime();
    }

    @Override
    public Texts runtime() {
        return byPlugin.computeIfAbsent(RUNTIME_ID, id -> new BundleTexts(id, Bundle.EMPTY, runtimeBundle, settings,
                senders));
    }
}
