package org.majordome.script;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.majordome.api.EventListener;
import org.majordome.api.NoConfig;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.event.BotEvent;
import org.majordome.dispatch.StartReport;
import org.majordome.script.ScriptStatus.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JavaScript file as a plugin. The plugin object lives as long as its plugin generation (a configuration
 * reload that restarts the plugins makes new ones); what it runs is swapped on every {@link #reload}: a new
 * sandboxed context evaluates the file and, only if that succeeds, replaces the previous version's handlers,
 * commands and in-memory jobs.
 * Storage and persistent jobs belong to the plugin id and so survive reloads.
 *
 * <p>Everything that touches the script's context happens on the script's own thread, one call at a time
 * (GraalJS contexts are single-threaded); callers wait at most the call time limit plus a second, and the
 * {@link ScriptWatchdog} interrupts the call at the limit. After {@link ScriptSettings#maxViolations} limit
 * violations the script is disabled until its file changes or an admin reloads it.
 *
 * <p>A script that fails to load when the bot starts does not stop the bot: it logs the error with file and
 * line and stays inactive until the file is fixed.
 */
public final class ScriptPlugin implements Plugin<NoConfig>, EventListener, StartReport {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptPlugin.class);
    private static final Duration WAIT_GRACE = Duration.ofSeconds(1);
    private static final int QUEUE_CAPACITY = 200;
    /** What a call for an event is named in messages ("event RoomMessageReceived"), made once per event class. */
    private static final ClassValue<String> EVENT_CALLS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> eventType) {
            return "event " + ScriptGeneration.eventTypeName(eventType);
        }
    };

    private final String id;
    private final Path file;
    private final ScriptFileLoader loader;
    private final ScriptWatchdog watchdog;
    private final ScriptSettings settings;
    private final Supplier<Object> config;
    private final ThreadPoolExecutor executor;
    private final Set<String> persistentKinds = ConcurrentHashMap.newKeySet();
    private volatile Thread scriptThread;
    private volatile PluginContext<NoConfig> context;
    private volatile ScriptGeneration current;
    private volatile ScriptStatus status = new ScriptStatus(State.NOT_LOADED, "");
    private int violations;

    ScriptPlugin(String id, Path file, ScriptEngine engine, ScriptWatchdog watchdog, ScriptSettings settings,
                 Supplier<Object> config) {
        this.id = Objects.requireNonNull(id, "id");
        this.file = Objects.requireNonNull(file, "file");
        this.loader = new ScriptFileLoader(engine, watchdog, settings);
        this.watchdog = watchdog;
        this.settings = settings;
        this.config = config;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY),
                runnable -> {
                    // A platform thread: the watchdog measures a call's allocations per thread.
                    Thread thread = Thread.ofPlatform().name("script-" + id).daemon(true).unstarted(runnable);
                    scriptThread = thread;
                    return thread;
                });
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Class<NoConfig> configType() {
        return NoConfig.class;
    }

    /** The script file. */
    public Path file() {
        return file;
    }

    String fileName() {
        return file.getFileName().toString();
    }

    PluginContext<NoConfig> context() {
        return context;
    }

    Object config() {
        return config.get();
    }

    /** The version running now, or null. */
    ScriptGeneration running() {
        return current;
    }

    /** Where the script stands now. */
    public ScriptStatus status() {
        return status;
    }

    /** The truth after {@link #start}: "started" only when a version of the file runs. */
    @Override
    public String startOutcome() {
        ScriptStatus now = status;
        return switch (now.state()) {
            case RUNNING -> "started (" + now.detail() + ")";
            case NOT_LOADED -> "still loading " + fileName();
            default -> "not running: " + now;
        };
    }

    @Override
    public void start(PluginContext<NoConfig> context) {
        this.context = context;
        await(reload(), settings.loadTimeLimit().plus(WAIT_GRACE));
    }

    /**
     * Loads the file again (or unloads the script if the file is gone). The new version replaces the running
     * one only if it loads without error; otherwise the error is logged with file and line and the running
     * version stays.
     *
     * @return the outcome, once the script's thread has done it
     */
    public CompletableFuture<ScriptStatus> reload() {
        if (context == null) {
            return CompletableFuture.completedFuture(status);
        }
        try {
            return CompletableFuture.supplyAsync(this::load, executor);
        } catch (RejectedExecutionException busy) {
            return CompletableFuture.completedFuture(ScriptStatus.busy(status.state()));
        }
    }

    /** Stops the running version until the next {@link #reload} (an operator disabled it); the file stays. */
    public CompletableFuture<ScriptStatus> disable(String why) {
        return context == null ? CompletableFuture.completedFuture(status) : CompletableFuture.supplyAsync(() -> {
            unload();
            return status = new ScriptStatus(State.DISABLED, why);
        }, executor);
    }

    @Override
    public void onEvent(BotEvent event) {
        ScriptGeneration generation = current;
        if (generation == null || !generation.listensTo(event)) {
            return;
        }
        callIn(generation, EVENT_CALLS.get(event.getClass()), () -> {
            Object object = BotFacade.event(generation, event);
            for (Value handler : generation.handlersFor(event)) {
                handler.execute(object);
            }
        });
    }

    @Override
    public void stop() {
        try {
            await(CompletableFuture.runAsync(() -> {
                unload();
                status = new ScriptStatus(State.STOPPED, "");
            }, executor), settings.callTimeLimit().plus(WAIT_GRACE));
        } catch (RejectedExecutionException busy) {
            LOG.warn("{}: could not stop cleanly: its thread is busy", fileName());
        } finally {
            executor.shutdown();
        }
    }

    /**
     * Runs {@code work} in the script's context, on its thread, if {@code generation} is still the running
     * version, and waits for it.
     *
     * @throws ScriptException when the script failed (the message has file and line) or overran its limits
     */
    void callIn(ScriptGeneration generation, String what, Runnable work) {
        if (Thread.currentThread() == scriptThread) {
            runGuarded(generation, what, work);
            return;
        }
        Future<?> call;
        try {
            call = executor.submit(() -> {
                if (current == generation && generation.phase() == ScriptGeneration.Phase.ACTIVE) {
                    runGuarded(generation, what, work);
                } else if (current != null && current != generation) {
                    // Loaded again while this call waited (the file changed, or the watchdog closed the context):
                    // the handlers it was meant for went with the old version. Said, so that no event is lost silently.
                    context.logger().warn("{}: {} not handled: the script was loaded again while it waited", fileName(),
                            what);
                }
            });
        } catch (RejectedExecutionException busy) {
            throw new ScriptException(fileName() + ": too many calls waiting; dropped " + what);
        }
        try {
            call.get(settings.callTimeLimit().plus(WAIT_GRACE).toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ScriptException(fileName() + ": " + what + " failed: " + failed.getCause());
        } catch (TimeoutException late) {
            throw new ScriptException(fileName() + ": " + what + " still waiting after " + settings.callTimeLimit().plus(WAIT_GRACE));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void runGuarded(ScriptGeneration generation, String what, Runnable work) {
        try (ScriptWatchdog.Guard guard = watchdog.watch(generation.context(), settings.callTimeLimit(),
                settings.allocationLimitBytes())) {
            try {
                work.run();
            } catch (PolyglotException failure) {
                try {
                    if (guard.broken() != null) {
                        throw violation(generation, what, guard.broken());
                    }
                    if (failure.isInterrupted() || failure.isCancelled()) {
                        throw new ScriptException(fileName() + ": " + what + " was stopped");
                    }
                    throw new ScriptException(ScriptException.describe(failure, fileName()) + " (in " + what + ")");
                } finally {
                    if (failure.isCancelled()) {
                        recoverClosedContext(generation);
                    }
                }
            } catch (IllegalStateException refused) {
                if (!generation.contextClosed()) {
                    throw refused;
                }
                recoverClosedContext(generation);
                throw new ScriptException(fileName() + ": " + what + " was stopped");
            }
        }
    }

    /**
     * A call cancelled while its version is still the running one means the watchdog closed that version's
     * context (an overrunning call did not stop when interrupted, e.g. on a starved machine): every later call
     * would fail on it, leaving the script silently dead while reported running. Loads the file again into a
     * fresh context, keeping the violation count, so that the limits still disable a script that keeps
     * overrunning.
     */
    private void recoverClosedContext(ScriptGeneration generation) {
        if (current != generation || status.state() != State.RUNNING) {
            return; // replaced, unloaded or disabled meanwhile: nothing of this version is left to recover
        }
        int kept = violations;
        context.logger().warn("{}: its context was closed after a call overran its limits; loading the file again",
                fileName());
        load();
        violations = kept;
    }

    private ScriptException violation(ScriptGeneration generation, String what, ScriptWatchdog.Limit limit) {
        violations++;
        String broken = limit == ScriptWatchdog.Limit.TIME
                ? "time limit of " + settings.callTimeLimit().toMillis() + " ms"
                : "allocation limit of " + (settings.allocationLimitBytes() >> 20) + " MiB";
        String message = fileName() + ": " + what + " exceeded its " + broken + " and was interrupted";
        if (violations >= settings.maxViolations()) {
            context.logger().error("{}: script disabled after {} limit violations (last: {} exceeded its {}); "
                    + "fix it and save the file, or run 'scripts reload {}'", fileName(), violations, what, broken, id);
            if (current == generation) {
                unload();
            }
            status = ScriptStatus.disabled(violations, what, broken, limit == ScriptWatchdog.Limit.TIME
                    ? settings.callTimeLimit().toMillis() : -(settings.allocationLimitBytes() >> 20));
        } else {
            context.logger().warn("{} (violation {} of {} before the script is disabled)", message, violations,
                    settings.maxViolations());
        }
        return new ScriptException(message);
    }

    /** On the script's thread: evaluates the file in a new context ({@link ScriptFileLoader}) and swaps it in if it loaded. */
    private ScriptStatus load() {
        Logger log = context.logger();
        if (!Files.isRegularFile(file)) {
            boolean wasRunning = current != null;
            unload();
            if (wasRunning || status.state() != State.REMOVED) {
                log.info("{} was removed: {}", fileName(), wasRunning ? "its handlers, commands and jobs are gone"
                        : "it was not running (" + status + ")");
            }
            return status = ScriptStatus.of(State.REMOVED, "no file " + fileName(), "script.detail.no-file", fileName());
        }
        ScriptGeneration next;
        switch (loader.evaluate(this, file, log)) {
            case ScriptFileLoader.Failed failed -> {
                return loadFailed(failed.problem());
            }
            case ScriptFileLoader.Loaded loaded -> next = loaded.generation();
        }
        ScriptGeneration previous = current;
        if (previous != null) {
            previous.retire();
        }
        current = next;
        violations = 0;
        next.activate();
        if (previous != null) {
            previous.close();
        }
        ScriptStatus running = ScriptStatus.running(next.handlerCount(), next.commandCount(), next.jobCount());
        log.info("{} {}: {}", fileName(), previous == null ? "loaded" : "reloaded", running.detail());
        return status = running;
    }

    private ScriptStatus loadFailed(String problem) {
        boolean running = current != null;
        context.logger().error("{} not loaded: {}; {}", fileName(), problem,
                running ? "the previous version keeps running" : "the script is not running");
        return status = running ? ScriptStatus.of(State.RUNNING, "previous version; the new one failed: " + problem,
                "script.detail.previous-version", problem)
                : new ScriptStatus(State.FAILED, problem);
    }

    private void unload() {
        ScriptGeneration generation = current;
        current = null;
        java.util.Optional.ofNullable(generation).ifPresent(ScriptGeneration::close);
    }

    /** Registers, once per kind, the handler that passes this plugin's persistent jobs to the running version. */
    void listenForPersistentJobs(String kind) {
        if (!persistentKinds.add(kind)) {
            return;
        }
        context.scheduler().onPersistentJob(kind, (payload, firing) -> {
            ScriptGeneration generation = current;
            Value handler = generation == null ? null : generation.persistentHandler(kind);
            if (handler == null) {
                throw new ScriptException(fileName() + ": persistent job " + firing.jobName() + " of kind '" + kind
                        + "' came due but the running script has no handler for that kind");
            }
            callIn(generation, "persistent job " + firing.jobName(),
                    () -> handler.execute(payload, generation.toJs(JsData.plain(firing))));
        });
    }

    private static <T> void await(CompletableFuture<T> future, Duration limit) {
        try {
            future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException failed) {
            LOG.error("script work failed", failed.getCause());
        } catch (TimeoutException late) {
            LOG.warn("script work still running after {}", limit);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
