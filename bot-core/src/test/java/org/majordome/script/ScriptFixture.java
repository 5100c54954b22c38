package org.majordome.script;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import org.majordome.dispatch.DispatcherSettings;
import org.majordome.testkit.PluginTestKit;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * Scripts in a temporary directory, run by a real {@link ScriptHost} inside a {@link PluginTestKit}, with the
 * script package's log lines captured.
 */
final class ScriptFixture implements AutoCloseable {

    static final String ROOM = "lobby@conference.example.org";
    static final String OTHER_ROOM = "other@conference.example.org";

    private final Path directory;
    private final Map<String, Object> configs = new HashMap<>();
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final List<ScriptPlugin> addedScripts = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            logLines.add(event.getLevel() + " " + event.getFormattedMessage());
        }
    };
    private final List<org.majordome.api.Plugin<?>> javaPlugins = new java.util.ArrayList<>();
    private ScriptHost host;
    private PluginTestKit kit;

    ScriptFixture(Path directory) {
        this.directory = directory;
        appender.start();
        ((Logger) LoggerFactory.getLogger("org.majordome.script")).addAppender(appender);
    }

    ScriptFixture write(String fileName, String code) {
        try {
            // Write then move, as editors do, so that the watcher never reads half a file.
            Path temporary = Files.createTempFile(directory.getParent(), "script", ".tmp");
            Files.writeString(temporary, code, StandardCharsets.UTF_8);
            Files.move(temporary, directory.resolve(fileName), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return this;
    }

    /** Copies a shipped script, and its message bundles ({@code name.properties}, {@code name_fr.properties}...). */
    ScriptFixture copyExample(String fileName) {
        try {
            Path examples = Path.of("..", "scripts");
            String name = fileName.replaceFirst("\\.js$", "");
            try (var bundles = Files.list(examples)) {
                for (Path bundle : bundles.filter(file -> file.getFileName().toString().matches(
                        java.util.regex.Pattern.quote(name) + "(_[A-Za-z_]+)?\\.properties")).toList()) {
                    Files.copy(bundle, directory.resolve(bundle.getFileName()));
                }
            }
            return write(fileName, Files.readString(examples.resolve(fileName), StandardCharsets.UTF_8));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    ScriptFixture delete(String fileName) {
        try {
            Files.delete(directory.resolve(fileName));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return this;
    }

    /** A Java plugin started beside the scripts, in both rooms (e.g. one that publishes events). */
    ScriptFixture plugin(org.majordome.api.Plugin<?> plugin) {
        javaPlugins.add(plugin);
        return this;
    }

    ScriptFixture config(String scriptId, Object plainConfig) {
        configs.put(scriptId, plainConfig);
        return this;
    }

    /** Starts every script (and the admin plugin) in two rooms, with generous reply rates. */
    PluginTestKit start(UnaryOperator<ScriptSettings> settings) {
        host = ScriptHost.open(settings.apply(ScriptSettings.defaults(directory)), configs::get,
                addedScripts::add);
        PluginTestKit.Builder builder = PluginTestKit.builder()
                .settings(DispatcherSettings.defaults().withReplyRate(1000, Duration.ofSeconds(1)))
                .botAdmins("admin@example.org")
                .room(ROOM)
                .room(OTHER_ROOM);
        host.plugins().forEach(builder::plugin);
        javaPlugins.forEach(builder::plugin);
        kit = builder.start();
        // A script's start waits a bounded time for its first load; on a loaded machine (load 23 on 2 cores
        // was seen) the load ends after it, and a test would talk to a script not loaded yet.
        await().atMost(Duration.ofSeconds(60)).until(() -> host.scripts().values().stream()
                .noneMatch(script -> script.status().state() == ScriptStatus.State.NOT_LOADED));
        return kit;
    }

    PluginTestKit start() {
        return start(UnaryOperator.identity());
    }

    ScriptHost host() {
        return host;
    }

    ScriptPlugin script(String id) {
        return host.script(id).orElseThrow();
    }

    /** The scripts the host handed to its listener (files that appeared), not started: the runtime starts them. */
    List<ScriptPlugin> addedScripts() {
        return addedScripts;
    }

    List<String> logLines() {
        return logLines;
    }

    @Override
    public void close() {
        if (kit != null) {
            kit.close();
        }
        if (host != null) {
            host.close();
        }
        ((Logger) LoggerFactory.getLogger("org.majordome.script")).detachAppender(appender);
    }
}
