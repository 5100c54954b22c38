package org.majordome.script;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.majordome.api.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaScript plugins of one directory: one {@link ScriptPlugin} per {@code *.js} file (id = file name without
 * {@code .js}), plus the {@code scripts} admin plugin ({@link ScriptAdminPlugin}). Give {@link #plugins()} to the
 * runtime with the Java plugins; rooms enable scripts by id, or all of them ({@code scripts: all}).
 *
 * <p>A watcher thread reloads a script within moments of its file being changed, replaced or removed: only that
 * script, whose old handlers, commands and in-memory jobs go while its storage and persistent jobs stay. A
 * {@code *.js} file that appears after the host opened becomes a new {@link ScriptPlugin}, handed (not yet
 * started) to the host's {@code added} listener on the watcher thread: the runtime registers and starts that one
 * plugin in the running generation, the other scripts keep their state. {@link #newScriptIds()} tells what the
 * directory holds that this host has not handed over yet.
 *
 * <pre>{@code
 * ScriptHost host = ScriptHost.open(ScriptSettings.defaults(dir), id -> pluginSectionAsPlainData(id),
 *         script -> registerAndStartSoon(script));
 * plugins.addAll(host.plugins());
 * // ... on shutdown, after the plugins were stopped:
 * host.close();
 * }</pre>
 */
public final class ScriptHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptHost.class);

    private final ScriptSettings settings;
    private final ScriptEngine engine;
    private final ScriptWatchdog watchdog;
    private final Function<String, Object> configs;
    private final Map<String, ScriptPlugin> scripts = new ConcurrentHashMap<>();
    private final ScriptAdminPlugin admin;
    private final WatchService watcher;
    private final Thread watcherThread;
    private final Consumer<ScriptPlugin> added;
    private final Set<String> reportedBadNames = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private ScriptHost(ScriptSettings settings, Function<String, Object> configs, Consumer<ScriptPlugin> added)
            throws IOException {
        this.settings = settings;
        this.configs = configs;
        this.added = added;
        this.engine = ScriptEngine.create();
        this.watchdog = ScriptWatchdog.onSystemTime();
        Map<String, ScriptPlugin> found = new LinkedHashMap<>();
        for (Path file : scriptFiles(settings.directory())) {
            String fileName = file.getFileName().toString();
            String id = idOf(fileName);
            if (!acceptable(file, id)) {
                continue;
            }
            found.put(id, newScript(id, file));
        }
        this.scripts.putAll(found);
        this.admin = new ScriptAdminPlugin(this);
        this.watcher = settings.directory().getFileSystem().newWatchService();
        settings.directory().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.watcherThread = Thread.ofPlatform().name("script-watcher").daemon(true).start(this::watch);
        LOG.info("JavaScript plugins in {}: {}", settings.directory(), found.keySet());
        // A file that arrived between the scan and the watch would otherwise wait for its next change.
        announceNewScripts();
    }

    private ScriptPlugin newScript(String id, Path file) {
        return new ScriptPlugin(id, file, engine, watchdog, settings, () -> configs.apply(id));
    }

    /** A script's plugin id: its file name without {@code .js}. */
    private static String idOf(String fileName) {
        return fileName.substring(0, fileName.length() - ".js".length());
    }

    /** Logs, once per file name, why a file cannot be a script. */
    private boolean acceptable(Path file, String id) {
        if (!Plugin.isValidId(id)) {
            if (reportedBadNames.add(id)) {
                LOG.error("{} is ignored: a script's file name is its plugin id, so use {}", file, Plugin.ID_RULE);
            }
            return false;
        }
        if (id.equals(ScriptAdminPlugin.ID)) {
            if (reportedBadNames.add(id)) {
                LOG.error("{} is ignored: the id '{}' belongs to the scripts admin plugin", file, id);
            }
            return false;
        }
        return true;
    }

    /**
     * Finds the scripts of {@code settings.directory()} and starts watching it; a new file is only logged.
     *
     * @param configs for each script id, its configuration section as plain data (maps, lists, strings,
     *                numbers, booleans), or null when it has none
     * @throws IllegalArgumentException when the directory cannot be read
     */
    public static ScriptHost open(ScriptSettings settings, Function<String, Object> configs) {
        return open(settings, configs, script -> LOG.warn("New script {}: nothing here starts it", script.fileName()));
    }

    /**
     * Finds the scripts of {@code settings.directory()} and starts watching it.
     *
     * @param configs for each script id, its configuration section as plain data (maps, lists, strings,
     *                numbers, booleans), or null when it has none
     * @param added   told, on the watcher thread, of each script whose file appeared after the host opened: a
     *                plugin not started yet, already in {@link #scripts()}; it must not block, nor close this host
     *                on that thread
     * @throws IllegalArgumentException when the directory cannot be read
     */
    public static ScriptHost open(ScriptSettings settings, Function<String, Object> configs,
                                  Consumer<ScriptPlugin> added) {
        try {
            return new ScriptHost(settings, configs, added);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("cannot read the scripts directory " + settings.directory() + ": "
                    + unreadable.getMessage(), unreadable);
        }
    }

    /**
     * The ids the scripts of {@code directory} would get, without starting anything (for {@code check-config}).
     *
     * @throws IllegalArgumentException when the directory cannot be read
     */
    public static List<String> scriptIds(Path directory) {
        try {
            return scriptFiles(directory).stream().map(file -> file.getFileName().toString())
                    .map(ScriptHost::idOf)
                    .filter(id -> Plugin.isValidId(id) && !id.equals(ScriptAdminPlugin.ID))
                    .toList();
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("cannot read the scripts directory " + directory + ": "
                    + unreadable.getMessage(), unreadable);
        }
    }

    private static List<Path> scriptFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("not a directory");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.js")) {
            entries.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    /** The script plugins, in file-name order, then the {@code scripts} admin plugin. */
    public List<Plugin<?>> plugins() {
        List<Plugin<?>> plugins = new ArrayList<>(scripts().values());
        plugins.add(admin);
        return plugins;
    }

    /** The script plugins by id, in id order. */
    public Map<String, ScriptPlugin> scripts() {
        Map<String, ScriptPlugin> sorted = new LinkedHashMap<>();
        scripts.keySet().stream().sorted().forEach(id -> sorted.put(id, scripts.get(id)));
        return sorted;
    }

    /** The script of that id. */
    public Optional<ScriptPlugin> script(String id) {
        return Optional.ofNullable(scripts.get(id));
    }

    /**
     * The ids of the directory's script files that this host has not made plugins of yet, in id order; empty
     * when the directory cannot be read.
     */
    public List<String> newScriptIds() {
        try {
            return scriptIds(settings.directory()).stream().filter(id -> !scripts.containsKey(id)).toList();
        } catch (IllegalArgumentException unreadable) {
            LOG.warn("{}", unreadable.getMessage());
            return List.of();
        }
    }

    /**
     * Makes a plugin of each new file of the directory and hands it to the {@code added} listener.
     *
     * @return their ids (empty when there were none, or after {@link #close})
     */
    public synchronized List<String> announceNewScripts() {
        List<String> ids = closed ? List.of() : newScriptIds();
        for (String id : ids) {
            ScriptPlugin script = newScript(id, settings.directory().resolve(id + ".js"));
            scripts.put(id, script);
            LOG.info("New script file {}: loading it alone", script.fileName());
            added.accept(script);
        }
        return ids;
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Set<String> changed = new LinkedHashSet<>();
                collect(key, changed);
                // Editors save in several steps (truncate, write, rename): wait until the directory is quiet.
                WatchKey more;
                while ((more = watcher.poll(settings.settleTime().toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    collect(more, changed);
                }
                boolean added = false;
                for (String fileName : changed) {
                    added |= fileChanged(fileName);
                }
                if (added) {
                    announceNewScripts();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException closed) {
            LOG.debug("script watcher stopped");
        }
    }

    private static void collect(WatchKey key, Set<String> changed) {
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path path && path.toString().endsWith(".js")) {
                changed.add(path.toString());
            } else if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed.add("*");
            }
        }
        key.reset();
    }

    /** Reloads the script of that file; true when the file is a script this host does not run. */
    private boolean fileChanged(String fileName) {
        if (fileName.equals("*")) {
            scripts.values().forEach(ScriptPlugin::reload);
            return true;
        }
        String id = idOf(fileName);
        ScriptPlugin script = scripts.get(id);
        if (script != null) {
            // Also a file deleted then written again: the same plugin loads it (it stays registered).
            script.reload();
            return false;
        }
        Path file = settings.directory().resolve(fileName);
        return Files.isRegularFile(file) && acceptable(file, id);
    }

    @Override
    public void close() {
        closed = true;
        try {
            watcher.close();
        } catch (IOException closing) {
            LOG.debug("closing the script watcher", closing);
        }
        watcherThread.interrupt();
        watchdog.close();
        engine.close();
    }
}
