/**
 * Internal: finds the plugins the bot can run. Plugins never import this package.
 *
 * <p>{@link org.majordome.plugin.PluginLoader} collects the built-in plugins registered for
 * {@link java.util.ServiceLoader} on the application class path and the third-party plugins in the jars of a
 * plugin directory, each jar declaring its plugins in {@code META-INF/services/org.majordome.api.Plugin}.
 * Whatever goes wrong (a jar that cannot be read, a class that is missing or fails to construct, two plugins
 * with one id) is a problem in the {@link org.majordome.plugin.PluginCatalog}, naming the jar, reported with
 * the configuration errors before the bot connects.
 */
package org.majordome.plugin;
