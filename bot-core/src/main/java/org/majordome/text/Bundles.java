package org.majordome.text;

import java.nio.file.Path;

/** Where each kind of plugin keeps its bundle (see {@link org.majordome.api.text}). */
public final class Bundles {

    /** The base name of a Java plugin's bundle, in the plugin class's package. */
    public static final String PLUGIN_BUNDLE = "messages";

    private Bundles() {
    }

    /** A Java plugin's bundle: {@code messages*.properties} in its class's package, through its class loader. */
    public static Bundle ofClass(Class<?> pluginClass) {
        ClassLoader loader = pluginClass.getClassLoader() == null ? ClassLoader.getSystemClassLoader()
                : pluginClass.getClassLoader();
        return Bundle.onClassPath(loader, pluginClass.getPackageName().replace('.', '/') + "/" + PLUGIN_BUNDLE);
    }

    /** A script's bundle: {@code name.properties}, {@code name_fr.properties}... beside {@code name.js}. */
    public static Bundle ofScript(Path scriptFile) {
        String file = scriptFile.getFileName().toString();
        String name = file.endsWith(".js") ? file.substring(0, file.length() - 3) : file;
        Path directory = scriptFile.toAbsolutePath().getParent();
        return Bundle.inDirectory(directory, name);
    }

    /** The runtime's own bundle: the answers the runtime gives itself, and the formats every plugin shares. */
    public static Bundle runtime() {
        return Bundle.onClassPath(Bundles.class.getClassLoader(), Languages.RUNTIME_BUNDLE);
    }
}
