package org.majordome.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.slf4j.Logger;

/**
 * Reads one script file and evaluates it in a new sandboxed context within the load limits: the part of a
 * {@link ScriptPlugin} reload that decides whether the new version may replace the running one. It swaps nothing
 * itself; the plugin does, on the script's thread.
 */
final class ScriptFileLoader {

    /** What evaluating the file gave: a version ready to activate, or why there is none (file and line). */
    sealed interface Outcome {
    }

    /** The file evaluated without error; its handlers are registered but not active yet. */
    record Loaded(ScriptGeneration generation) implements Outcome {
    }

    /** The file could not be read or evaluated; nothing of it is left open. */
    record Failed(String problem) implements Outcome {
    }

    private final ScriptEngine engine;
    private final ScriptWatchdog watchdog;
    private final ScriptSettings settings;

    ScriptFileLoader(ScriptEngine engine, ScriptWatchdog watchdog, ScriptSettings settings) {
        this.engine = engine;
        this.watchdog = watchdog;
        this.settings = settings;
    }

    /** On the script's thread: evaluates {@code file} for {@code plugin}, its output logged to {@code log}. */
    Outcome evaluate(ScriptPlugin plugin, Path file, Logger log) {
        String fileName = file.getFileName().toString();
        String code;
        try {
            code = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return new Failed("cannot read " + fileName + ": " + unreadable.getMessage());
        }
        ScriptGeneration next = new ScriptGeneration(fileName, engine.newContext(
                new LogOutputStream(line -> log.info("{}: {}", fileName, line)),
                new LogOutputStream(line -> log.warn("{}: {}", fileName, line))));
        try (ScriptWatchdog.Guard guard = watchdog.watch(next.context(), settings.loadTimeLimit(),
                settings.allocationLimitBytes())) {
            next.context().getBindings("js").putMember("bot", BotFacade.create(plugin, next));
            next.context().eval(Source.newBuilder("js", code, fileName).buildLiteral());
        } catch (PolyglotException failure) {
            next.close();
            return new Failed(failure.isInterrupted() || failure.isCancelled()
                    ? fileName + ": its top level exceeded the load time limit of " + settings.loadTimeLimit().toMillis()
                            + " ms or the allocation limit"
                    : ScriptException.describe(failure, fileName));
        }
        return new Loaded(next);
    }
}
