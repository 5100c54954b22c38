package org.majordome.text;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.majordome.api.Plugin;
import org.majordome.api.text.Texts;
import org.majordome.api.text.Wording;
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
    /** The runtime's bundle, read once for the process: its files ship in the runtime's jar. */
    private static final Bundle RUNTIME_BUNDLE = Bundles.runtime();

    private final Bundle runtimeBundle = RUNTIME_BUNDLE;
    private final Map<String, Texts> byPlugin = new ConcurrentHashMap<>();

    /**
     * @param scriptFile the file of a script plugin, whose bundle is beside it; empty for a Java plugin
     */
    public TextService(TextSettings settings, SenderLanguages senders, Function<Plugin<?>, Optional<Path>> scriptFile) {
        this.settings = settings;
        this.senders = senders;
        this.scriptFile = scriptFile;
    }

    /**
     * The runtime's own texts in one language and zone, for what the runtime says outside any plugin: ad-hoc
     * command forms, notices to administrators, reasons given to rooms and inviters, the web chat's answers.
     */
    public static Wording runtimeWording(Locale language, ZoneId zone) {
        return new BundleWording(language, zone, Map.of(), Bundle.EMPTY, RUNTIME_BUNDLE, RUNTIME_ID);
    }

    /**
     * The texts of one of the runtime's own plugins in one language and zone, outside any call of that plugin (the
     * console showing a script's state in the operator's language): its bundle beside its class, then the runtime's.
     */
    public static Wording ownPluginWording(Class<?> pluginClass, String pluginId, Locale language, ZoneId zone) {
        return new BundleWording(language, zone, Map.of(), Bundles.ofClass(pluginClass), RUNTIME_BUNDLE, pluginId);
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
