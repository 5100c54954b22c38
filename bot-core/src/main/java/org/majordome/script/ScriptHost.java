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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.majordome.api.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaScript plugins of one directory: one {@link ScriptPlugin} per {@code *.js} file found at start (id =
 * file name without {@code .js}), plus the {@code scripts} admin plugin ({@link ScriptAdminPlugin}). Give
 * {@link #plugins()} to the runtime with the Java plugins; rooms enable scripts by id.
 *
 * <p>A watcher thread reloads a script within moments of its file being changed, replaced or removed. A file
 * added after start is reported but not loaded: plugins are registered, and rooms bound to them, when the bot
 * starts, so a new script needs a restart (then it is enabled by id like any plugin).
 *
 * <pre>{@code
 * ScriptHost host = ScriptHost.open(ScriptSettings.defaults(dir), id -> pluginSectionAsPlainData(id));
 * plugins.addAll(host.plugins());
 * // ... on shutdown, after the plugins were stopped:
 * host.close();
 * }</pre>
 */
public final class ScriptHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptHost.class);
    private static final Pattern SCRIPT_ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private final ScriptSettings settings;
    private final ScriptEngine engine;
    private final ScriptWatchdog watchdog;
    private final Map<String, ScriptPlugin> scripts;
    private final ScriptAdminPlugin admin;
    private final WatchService watcher;
    private final Thread watcherThread;
    private final Set<String> reportedNewFiles = ConcurrentHashMap.newKeySet();

    private ScriptHost(ScriptSettings settings, Function<String, Object> configs) throws IOException {
        this.settings = settings;
        this.engine = ScriptEngine.create();
        this.watchdog = ScriptWatchdog.onSystemTime();
        Map<String, ScriptPlugin> found = new LinkedHashMap<>();
        for (Path file : scriptFiles(settings.directory())) {
            String fileName = file.getFileName().toString();
            String id = fileName.substring(0, fileName.length() - ".js".length());
            if (!SCRIPT_ID.matcher(id).matches()) {
                LOG.error("{} is ignored: a script's file name is its plugin id, so use lower-case letters, digits, "
                        + "'.', '_' or '-', starting with a letter or digit", file);
                continue;
            }
            if (id.equals(ScriptAdminPlugin.ID)) {
                LOG.error("{} is ignored: the id '{}' belongs to the scripts admin plugin", file, id);
                continue;
            }
            found.put(id, new ScriptPlugin(id, file, engine, watchdog, settings, () -> configs.apply(id)));
        }
        this.scripts = Map.copyOf(found);
        this.admin = new ScriptAdminPlugin(this);
        this.watcher = settings.directory().getFileSystem().newWatchService();
        settings.directory().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.watcherThread = Thread.ofPlatform().name("script-watcher").daemon(true).start(this::watch);
        LOG.info("JavaScript plugins in {}: {}", settings.directory(), found.keySet());
    }

    /**
     * Finds the scripts of {@code settings.directory()} and starts watching it.
     *
     * @param configs for each script id, its configuration section as plain data (maps, lists, strings,
     *                numbers, booleans), or null when it has none
     * @throws IllegalArgumentException when the directory cannot be read
     */
    public static ScriptHost open(ScriptSettings settings, Function<String, Object> configs) {
        try {
            return new ScriptHost(settings, configs);
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
                    .map(name -> name.substring(0, name.length() - ".js".length()))
                    .filter(id -> SCRIPT_ID.matcher(id).matches() && !id.equals(ScriptAdminPlugin.ID))
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
                changed.forEach(this::fileChanged);
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

    private void fileChanged(String fileName) {
        if (fileName.equals("*")) {
            scripts.values().forEach(ScriptPlugin::reload);
            return;
        }
        String id = fileName.substring(0, fileName.length() - ".js".length()).toLowerCase(Locale.ROOT);
        ScriptPlugin script = scripts.get(id);
        if (script != null && script.file().getFileName().toString().equals(fileName)) {
            script.reload();
        } else if (Files.exists(settings.directory().resolve(fileName)) && reportedNewFiles.add(fileName)) {
            LOG.warn("{} is a new script: restart the bot to load it (plugins are registered at start)", fileName);
        }
    }

    @Override
    public void close() {
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
