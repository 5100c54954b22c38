package org.majordome.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.majordome.api.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugins: the built-ins registered for {@link ServiceLoader} on the application class path, and the
 * plugins of every {@code *.jar} in a plugin directory.
 *
 * <p>The jars of one directory share one class loader whose parent is the application's, so that a plugin jar
 * may rely on a library jar next to it and sees the same plugin API classes as the runtime. Each jar's own
 * {@code META-INF/services/org.majordome.api.Plugin} is read directly rather than through
 * {@code ServiceLoader} on that class loader: {@code ServiceLoader} would also see the built-ins again through
 * the parent, and its errors do not say which jar is at fault.
 *
 * <pre>{@code
 * try (PluginCatalog catalog = PluginLoader.load(Main.class.getClassLoader(), Optional.of(pluginDirectory))) {
 *     problems.addAll(catalog.problems());
 *     PluginRegistry registry = PluginRegistry.build(catalog.instances(), enabledPluginIdsByRoom);
 *     ...
 * }
 * }</pre>
 */
public final class PluginLoader {

    private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);

    /** Where a jar lists its plugin classes, one fully qualified name a line, {@code #} starting a comment. */
    public static final String SERVICE_FILE = "META-INF/services/" + Plugin.class.getName();

    /** Stops a provider iterator that keeps failing from looping for ever. */
    private static final int MAX_BUILT_IN_ERRORS = 100;

    private PluginLoader() {
    }

    /**
     * Finds the built-in plugins and, when a directory is given, the plugins of its jars.
     *
     * @param applicationLoader the class loader of the application (built-ins, and the parent of plugin jars)
     * @param pluginDirectory   a directory of plugin jars; a missing directory is a problem
     */
    public static PluginCatalog load(ClassLoader applicationLoader, Optional<Path> pluginDirectory) {
        List<DiscoveredPlugin> candidates = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        loadBuiltIns(applicationLoader, candidates, problems);
        Optional<URLClassLoader> directoryLoader = pluginDirectory
                .flatMap(directory -> loadDirectory(directory, applicationLoader, candidates, problems));
        List<DiscoveredPlugin> plugins = withoutDuplicateIds(candidates, problems);
        plugins.forEach(found -> LOG.info("found plugin {} ({}) in {}", found.id(), found.plugin().getClass().getName(),
                found.origin()));
        return new PluginCatalog(plugins, problems, directoryLoader);
    }

    private static void loadBuiltIns(ClassLoader applicationLoader, List<DiscoveredPlugin> found, List<String> problems) {
        Iterator<Plugin<?>> providers = ServiceLoader.load(pluginType(), applicationLoader).iterator();
        int errors = 0;
        while (errors < MAX_BUILT_IN_ERRORS) {
            try {
                if (!providers.hasNext()) {
                    return;
                }
                found.add(new DiscoveredPlugin(providers.next(), DiscoveredPlugin.BUILT_IN));
            } catch (ServiceConfigurationError broken) {
                // ServiceLoader goes on with the next provider after an error (best effort).
                errors++;
                problems.add(DiscoveredPlugin.BUILT_IN + ": " + broken.getMessage()
                        + (broken.getCause() == null ? "" : " (" + broken.getCause() + ")"));
            }
        }
        problems.add(DiscoveredPlugin.BUILT_IN + ": gave up after " + MAX_BUILT_IN_ERRORS + " broken plugin entries");
    }

    @SuppressWarnings("unchecked")
    private static Class<Plugin<?>> pluginType() {
        return (Class<Plugin<?>>) (Class<?>) Plugin.class;
    }

    private static Optional<URLClassLoader> loadDirectory(Path directory, ClassLoader parent,
                                                          List<DiscoveredPlugin> found, List<String> problems) {
        if (!Files.isDirectory(directory)) {
            problems.add("plugin directory " + directory + " does not exist or is not a directory");
            return Optional.empty();
        }
        List<Path> jars;
        try (Stream<Path> entries = Files.list(directory)) {
            jars = entries.filter(path -> path.getFileName().toString().endsWith(".jar") && Files.isRegularFile(path))
                    .sorted().toList();
        } catch (IOException unreadable) {
            problems.add("plugin directory " + directory + " cannot be listed: " + unreadable);
            return Optional.empty();
        }
        if (jars.isEmpty()) {
            LOG.info("no plugin jars in {}", directory);
            return Optional.empty();
        }
        URLClassLoader loader = new URLClassLoader("plugins", urls(jars), parent);
        int before = found.size();
        for (Path jar : jars) {
            loadJar(jar, loader, found, problems);
        }
        if (found.size() == before) {
            close(loader);
            return Optional.empty();
        }
        return Optional.of(loader);
    }

    private static URL[] urls(List<Path> jars) {
        try {
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = jars.get(i).toUri().toURL();
            }
            return urls;
        } catch (MalformedURLException impossible) {
            throw new IllegalStateException("a file path is always a valid URL", impossible);
        }
    }

    private static void loadJar(Path jar, ClassLoader loader, List<DiscoveredPlugin> found, List<String> problems) {
        String name = jar.getFileName().toString();
        List<String> classNames;
        try {
            Optional<List<String>> declared = declaredPluginClasses(jar);
            if (declared.isEmpty()) {
                LOG.debug("{} declares no plugin; kept as a library for the others", name);
                return;
            }
            classNames = declared.get();
        } catch (IOException unreadable) {
            problems.add(name + ": cannot read the jar: " + unreadable);
            return;
        }
        for (String className : classNames) {
            switch (create(name, className, loader)) {
                case Created created -> found.add(new DiscoveredPlugin(created.plugin(), name));
                case Broken broken -> problems.add(broken.problem());
            }
        }
    }

    /** The class names the jar's service file lists; empty when it has none. */
    static Optional<List<String>> declaredPluginClasses(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry(SERVICE_FILE);
            if (entry == null) {
                return Optional.empty();
            }
            try (InputStream in = file.getInputStream(entry);
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return Optional.of(reader.lines().map(line -> {
                    int comment = line.indexOf('#');
                    return (comment >= 0 ? line.substring(0, comment) : line).strip();
                }).filter(line -> !line.isEmpty()).distinct().toList());
            }
        }
    }

    /** What became of one declared plugin class. */
    private sealed interface Outcome permits Created, Broken {
    }

    private record Created(Plugin<?> plugin) implements Outcome {
    }

    private record Broken(String problem) implements Outcome {
    }

    private static Outcome create(String jarName, String className, ClassLoader loader) {
        String where = jarName + ": plugin class " + className;
        try {
            Class<?> type = Class.forName(className, false, loader);
            if (!Plugin.class.isAssignableFrom(type)) {
                return failed(where + " does not implement " + Plugin.class.getName());
            }
            if (type.getClassLoader() != loader) {
                return failed(where + " is already on the application class path; remove it from the jar's "
                        + SERVICE_FILE);
            }
            Plugin<?> plugin = (Plugin<?>) type.getConstructor().newInstance();
            return new Created(plugin);
        } catch (ClassNotFoundException missing) {
            return failed(where + " is not in the jar (nor in the other plugin jars)");
        } catch (NoSuchMethodException noConstructor) {
            return failed(where + " has no public no-argument constructor");
        } catch (InvocationTargetException thrown) {
            LOG.error("{} failed in its constructor", where, thrown.getCause());
            return failed(where + " failed in its constructor: " + thrown.getCause());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException broken) {
            // Abstract or inaccessible class, a missing dependency (NoClassDefFoundError), bytecode too new,
            // a failing static initializer: all are the jar's fault, none may stop the bot from reporting.
            LOG.error("{} cannot be created", where, broken);
            return failed(where + " cannot be created: " + broken);
        }
    }

    private static Outcome failed(String problem) {
        return new Broken(problem);
    }

    private static List<DiscoveredPlugin> withoutDuplicateIds(List<DiscoveredPlugin> candidates, List<String> problems) {
        Map<String, DiscoveredPlugin> byId = new LinkedHashMap<>();
        List<DiscoveredPlugin> kept = new ArrayList<>();
        for (DiscoveredPlugin candidate : candidates) {
            String id;
            try {
                id = candidate.id();
            } catch (RuntimeException | LinkageError broken) {
                problems.add(candidate.origin() + ": plugin class " + candidate.plugin().getClass().getName()
                        + " failed in id(): " + broken);
                continue;
            }
            DiscoveredPlugin first = byId.putIfAbsent(String.valueOf(id), candidate);
            if (first != null) {
                problems.add("plugin id '" + id + "' is used by both " + describe(first) + " and " + describe(candidate)
                        + "; remove one of them");
                continue;
            }
            kept.add(candidate);
        }
        return kept;
    }

    private static String describe(DiscoveredPlugin found) {
        return found.plugin().getClass().getName() + " (" + found.origin() + ")";
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException failed) {
            LOG.warn("could not close an unused plugin class loader", failed);
        }
    }
}
