package org.majordome.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.majordome.api.event.BotEvent;
import org.majordome.api.event.DirectMessageReceivedEvent;
import org.majordome.api.event.RoomEvent;
import org.majordome.api.room.DirectChat;
import org.majordome.api.room.Rooms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to plugins: one bounded, ordered queue per room (and per direct-chat sender), each
 * drained by one task at a time on the drain executor, rooms concurrently. For every event, each running
 * plugin enabled in the room gets it through {@link IsolatedCalls}; message events then go through the
 * command stage.
 *
 * <p>A queue exists only while it has events: the first event for an idle key starts a drain task, which
 * ends and removes the queue when it finds it empty. Memory is therefore bounded by the capacity times the
 * keys with pending events; when a queue is full the event is shed, counted, and logged at most every few
 * seconds.
 *
 * <p>Wiring, in order:
 * <pre>{@code
 * PluginCatalog catalog = PluginLoader.load(appClassLoader, pluginDirectory);          // problems() must be empty
 * PluginRegistry registry = PluginRegistry.build(catalog.instances(), enabledPluginIdsByRoomJid); // same
 * CommandTable commands = new CommandTable();
 * PluginLifecycle lifecycle = new PluginLifecycle(registry, commands, binder, new PluginServices(rooms, directChat, clock));
 * List<String> startProblems = lifecycle.startAll();
 * Dispatcher dispatcher = Dispatcher.onVirtualThreads(registry, commands, new PermissionResolver(adminBareJids),
 *         rooms, directChat, settings, clock);
 * // intake, on the XMPP reader thread:  dispatcher.offer(event);
 * // on stop:                             dispatcher.shutdown(grace); lifecycle.stopAll(); catalog.close();
 * }</pre>
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final PluginRegistry plugins;
    private final DispatcherSettings settings;
    private final Executor drainExecutor;
    private final DispatchCounters counters = new DispatchCounters();
    private final IsolatedCalls calls;
    private final CommandStage commandStage;
    private final RateLimitedLog shedLog;
    private final Map<String, ArrayDeque<BotEvent>> queues = new ConcurrentHashMap<>();
    private final Set<CompletableFuture<Void>> drains = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param plugins         the checked plugins and their rooms
     * @param commands        every plugin's commands
     * @param permissions     decides command senders' permission levels
     * @param rooms           the room handles, to answer commands
     * @param directChat      to answer commands sent in one-to-one chats
     * @param settings        limits and the command prefix
     * @param clock           for rate limits
     * @param drainExecutor   runs one task per busy queue (virtual threads in production)
     * @param handlerExecutor runs each plugin call (virtual threads in production), so that a late one can be
     *                        left behind
     */
    public Dispatcher(PluginRegistry plugins, CommandTable commands, PermissionResolver permissions, Rooms rooms,
                      DirectChat directChat, DispatcherSettings settings, Clock clock, Executor drainExecutor,
                      Executor handlerExecutor) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.drainExecutor = Objects.requireNonNull(drainExecutor, "drainExecutor");
        this.calls = new IsolatedCalls(handlerExecutor, settings.handlerTimeLimit(), counters, clock);
        this.commandStage = new CommandStage(settings, commands, plugins, permissions, rooms, directChat, calls,
                counters, clock);
        this.shedLog = new RateLimitedLog(LOG, clock, Duration.ofSeconds(10));
    }

    /** A dispatcher on virtual threads: one per busy queue, one per plugin call. */
    public static Dispatcher onVirtualThreads(PluginRegistry plugins, CommandTable commands,
                                              PermissionResolver permissions, Rooms rooms, DirectChat directChat,
                                              DispatcherSettings settings, Clock clock) {
        ThreadFactory drainThreads = Thread.ofVirtual().name("dispatch-", 0).factory();
        ThreadFactory handlerThreads = Thread.ofVirtual().name("plugin-call-", 0).factory();
        return new Dispatcher(plugins, commands, permissions, rooms, directChat, settings, clock,
                Executors.newThreadPerTaskExecutor(drainThreads), Executors.newThreadPerTaskExecutor(handlerThreads));
    }

    /**
     * Queues an event for delivery. Never blocks: safe on the XMPP library's reader thread.
     *
     * @return false when the event was shed (queue full, or shutting down)
     */
    public boolean offer(BotEvent event) {
        Objects.requireNonNull(event, "event");
        if (closed) {
            shed(keyOf(event), "the dispatcher is shutting down");
            return false;
        }
        String key = keyOf(event);
        boolean[] accepted = {false};
        boolean[] startDrain = {false};
        queues.compute(key, (k, queue) -> {
            if (queue == null) {
                queue = new ArrayDeque<>();
                startDrain[0] = true;
            }
            if (queue.size() < settings.queueCapacity()) {
                queue.addLast(event);
                accepted[0] = true;
            }
            return queue;
        });
        if (!accepted[0]) {
            shed(key, "its queue is full (" + settings.queueCapacity() + " events)");
            return false;
        }
        counters.eventsAccepted.increment();
        if (startDrain[0]) {
            startDrain(key);
        }
        return true;
    }

    private void startDrain(String key) {
        CompletableFuture<Void> drain = new CompletableFuture<>();
        drains.add(drain);
        drain.whenComplete((ignored, failure) -> drains.remove(drain));
        try {
            drainExecutor.execute(() -> {
                try {
                    drain(key);
                } finally {
                    drain.complete(null);
                }
            });
        } catch (RejectedExecutionException rejected) {
            ArrayDeque<BotEvent> dropped = queues.remove(key);
            int count = dropped == null ? 0 : dropped.size();
            counters.eventsShed.add(count);
            LOG.error("cannot start delivery for {}: executor refused; {} event(s) dropped", key, count);
            drain.complete(null);
        }
    }

    private void drain(String key) {
        while (true) {
            BotEvent[] next = {null};
            // Polling and removing the empty queue in one atomic step keeps offer() and drain() consistent:
            // a queue exists exactly while a drain task owns it.
            queues.computeIfPresent(key, (k, queue) -> {
                next[0] = queue.pollFirst();
                return next[0] == null ? null : queue;
            });
            if (next[0] == null) {
                return;
            }
            deliver(key, next[0]);
        }
    }

    private void deliver(String key, BotEvent event) {
        String eventType = event.getClass().getSimpleName();
        List<PluginRegistry.LoadedPlugin> targets = event instanceof RoomEvent roomEvent
                ? plugins.runningIn(roomEvent.roomJid().toLowerCase(Locale.ROOT))
                : plugins.running();
        for (PluginRegistry.LoadedPlugin target : targets) {
            for (PluginScanner.EventHandler handler : target.scan().eventHandlers()) {
                if (handler.accepts(event)) {
                    calls.run(target.id(), key, eventType + " (" + handler.methodName() + ")", () -> handler.invoke(event));
                }
            }
        }
        try {
            commandStage.accept(event, key);
        } catch (RuntimeException bug) {
            // The command stage is ours, not a plugin's; still, one bad message must not stop the room's queue.
            LOG.error("command stage failed in {} on {}", key, eventType, bug);
        }
        counters.eventsDispatched.increment();
    }

    private void shed(String key, String why) {
        counters.eventsShed.increment();
        shedLog.warn("shedding event for {}: {}", key, why);
    }

    private static String keyOf(BotEvent event) {
        return switch (event) {
            case RoomEvent roomEvent -> roomEvent.roomJid().toLowerCase(Locale.ROOT);
            case DirectMessageReceivedEvent direct -> "direct:" + direct.senderBareJid().toLowerCase(Locale.ROOT);
        };
    }

    /** The counters so far. */
    public DispatchStats stats() {
        return counters.snapshot();
    }

    /**
     * Stops taking events, lets queued events be delivered, and waits for plugin calls to end, all within
     * {@code timeout}. Call before stopping plugins.
     *
     * @return true when everything finished in time; false when queues or calls were still busy
     */
    public boolean shutdown(Duration timeout) {
        closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean drained = true;
        // A drain started by an offer() racing with this shutdown may appear after the first look.
        while (drained && !drains.isEmpty()) {
            drained = awaitAll(new ArrayList<>(drains), deadline);
        }
        boolean callsEnded = awaitAll(calls.inFlight(), deadline);
        if (!drained || !callsEnded) {
            LOG.warn("dispatcher shut down with work left: {} queue(s), {} plugin call(s) still running",
                    queues.size(), calls.inFlight().size());
        }
        return drained && callsEnded;
    }

    private static boolean awaitAll(List<CompletableFuture<Void>> futures, long deadlineNanos) {
        try {
            CompletableFuture.allOf(futures.stream().map(future -> future.exceptionally(failure -> null))
                            .toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException late) {
            return false;
        } catch (ExecutionException impossible) {
            throw new IllegalStateException("failures were mapped away", impossible);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
