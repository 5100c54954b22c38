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
 * plugin enabled in the room gets it through {@link IsolatedCalls}, on the queue's own thread; message
 * events then go through the command stage. When a call overruns the time limit, the rest of the queue
 * moves to a new task on the handler executor and the late call finishes alone.
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
    private final Executor handlerExecutor;
    private final DispatchCounters counters = new DispatchCounters();
    private final IsolatedCalls calls;
    private final CommandStage commandStage;
    private final RateLimitedLog shedLog;
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();
    private final Set<CompletableFuture<Void>> drains = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** One key's pending events; guarded by its own monitor. */
    private static final class Queue {
        final ArrayDeque<BotEvent> events = new ArrayDeque<>();
        /** The head is being delivered (it leaves the queue after): it does not count against the capacity. */
        boolean delivering;
        /** Emptied and out of the map: an offer that still holds it must take a new one. */
        boolean retired;
    }

    /**
     * @param plugins         the checked plugins and their rooms
     * @param commands        every plugin's commands
     * @param permissions     decides command senders' permission levels
     * @param rooms           the room handles, to answer commands
     * @param directChat      to answer commands sent in one-to-one chats
     * @param settings        limits and the command prefix
     * @param clock           for rate limits
     * @param drainExecutor   runs one task per busy queue (virtual threads in production); plugin calls run
     *                        in that task
     * @param handlerExecutor runs the rest of a queue when a plugin call overran the time limit and is left
     *                        behind (virtual threads in production)
     */
    public Dispatcher(PluginRegistry plugins, CommandTable commands, PermissionResolver permissions, Rooms rooms,
                      DirectChat directChat, DispatcherSettings settings, Clock clock, Executor drainExecutor,
                      Executor handlerExecutor) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.drainExecutor = Objects.requireNonNull(drainExecutor, "drainExecutor");
        this.handlerExecutor = Objects.requireNonNull(handlerExecutor, "handlerExecutor");
        this.calls = new IsolatedCalls(settings.handlerTimeLimit(), counters, clock,
                successor -> startLane(successor, this.handlerExecutor));
        this.commandStage = new CommandStage(settings, commands, plugins, permissions, rooms, directChat, calls,
                counters, clock);
        this.shedLog = new RateLimitedLog(LOG, clock, Duration.ofSeconds(10));
    }

    /** A dispatcher on virtual threads: one per busy queue, and one more when a plugin call overruns. */
    public static Dispatcher onVirtualThreads(PluginRegistry plugins, CommandTable commands,
                                              PermissionResolver permissions, Rooms rooms, DirectChat directChat,
                                              DispatcherSettings settings, Clock clock) {
        ThreadFactory drainThreads = Thread.ofVirtual().name("dispatch-", 0).factory();
        ThreadFactory handlerThreads = Thread.ofVirtual().name("dispatch-after-late-call-", 0).factory();
        return new Dispatcher(plugins, commands, permissions, rooms, directChat, settings, clock,
                Executors.newThreadPerTaskExecutor(drainThreads), Executors.newThreadPerTaskExecutor(handlerThreads));
    }

    /**
     * Queues an event for delivery. Never blocks (beyond a queue's monitor, held only to add or take one
     * event): safe on the XMPP library's reader thread.
     *
     * @return false when the event was shed (queue full, or shutting down)
     */
    public boolean offer(BotEvent event) {
        Objects.requireNonNull(event, "event");
        String key = keyOf(event);
        if (closed) {
            shed(key, "the dispatcher is shutting down");
            return false;
        }
        while (true) {
            Queue queue = queues.get(key);
            if (queue == null) {
                queue = queues.computeIfAbsent(key, ignored -> new Queue());
            }
            boolean startDrain;
            synchronized (queue) {
                if (queue.retired) {
                    continue; // its drain just ended and removed it: take the next one
                }
                if (queue.events.size() - (queue.delivering ? 1 : 0) >= settings.queueCapacity()) {
                    break;
                }
                startDrain = queue.events.isEmpty();
                queue.events.addLast(event);
            }
            counters.eventsAccepted.increment();
            if (startDrain) {
                startLane(new IsolatedCalls.Lane(key), drainExecutor);
            }
            return true;
        }
        shed(key, "its queue is full (" + settings.queueCapacity() + " events)");
        return false;
    }

    private void startLane(IsolatedCalls.Lane lane, Executor executor) {
        CompletableFuture<Void> drain = new CompletableFuture<>();
        drains.add(drain);
        try {
            executor.execute(() -> {
                try {
                    drain(lane);
                } finally {
                    drains.remove(drain);
                    drain.complete(null);
                }
            });
        } catch (RejectedExecutionException rejected) {
            Queue dropped = queues.remove(lane.key);
            int count = 0;
            if (dropped != null) {
                synchronized (dropped) {
                    count = dropped.events.size();
                    dropped.events.clear();
                    dropped.retired = true;
                }
            }
            counters.eventsShed.add(count);
            LOG.error("cannot start delivery for {}: executor refused; {} event(s) dropped", lane.key, count);
            drains.remove(drain);
            drain.complete(null);
        }
    }

    /**
     * Delivers the queue's events in order until it is empty. The head of the queue stays there while it
     * is delivered (an offer seeing a non-empty queue knows a drain owns it) and is removed after.
     */
    private void drain(IsolatedCalls.Lane lane) {
        calls.enter(lane);
        try {
            if (lane.event != null) {
                // Taking over from a lane whose call overran: finish its event first.
                if (!finishEvent(lane)) {
                    return;
                }
            }
            Queue queue = queues.get(lane.key);
            while (queue != null) {
                BotEvent next;
                synchronized (queue) {
                    next = queue.events.peekFirst();
                    if (next == null) {
                        queue.retired = true;
                        queues.remove(lane.key, queue);
                        return;
                    }
                    queue.delivering = true;
                }
                lane.event = next;
                lane.targets = next instanceof RoomEvent roomEvent
                        ? plugins.runningIn(roomEvent.roomJid().toLowerCase(Locale.ROOT))
                        : plugins.running();
                lane.target = 0;
                lane.handler = 0;
                lane.inCommandStage = false;
                if (!finishEvent(lane)) {
                    return;
                }
            }
        } finally {
            calls.leave(lane);
        }
    }

    /**
     * Delivers the lane's event from where the lane stands, then removes it from the queue.
     *
     * @return false when the lane was abandoned meanwhile (its thread must stop)
     */
    private boolean finishEvent(IsolatedCalls.Lane lane) {
        BotEvent event = lane.event;
        String eventType = event.getClass().getSimpleName();
        if (!lane.inCommandStage) {
            List<PluginRegistry.LoadedPlugin> targets = lane.targets;
            int firstHandler = lane.handler;
            for (int t = lane.target; t < targets.size(); t++) {
                PluginRegistry.LoadedPlugin target = targets.get(t);
                List<PluginScanner.EventHandler> handlers = target.scan().eventHandlers();
                for (int h = firstHandler; h < handlers.size(); h++) {
                    PluginScanner.EventHandler handler = handlers.get(h);
                    if (handler.accepts(event)) {
                        lane.target = t;
                        lane.handler = h;
                        calls.run(target.id(), lane.key, eventType, handler, event);
                        if (lane.abandoned()) {
                            return false;
                        }
                    }
                }
                firstHandler = 0;
            }
            lane.inCommandStage = true;
            try {
                commandStage.accept(event, lane.key);
            } catch (RuntimeException bug) {
                // The command stage is ours, not a plugin's; still, one bad message must not stop the room's queue.
                LOG.error("command stage failed in {} on {}", lane.key, eventType, bug);
            }
            if (lane.abandoned()) {
                return false;
            }
        }
        lane.event = null;
        lane.targets = null;
        Queue queue = queues.get(lane.key);
        if (queue != null) {
            synchronized (queue) {
                queue.events.pollFirst();
                queue.delivering = false;
            }
        }
        counters.eventsDispatched.increment();
        return true;
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
        boolean callsEnded = awaitAll(calls.lateCalls(), deadline);
        if (!drained || !callsEnded) {
            LOG.warn("dispatcher shut down with work left: {} queue(s), {} plugin call(s) still running",
                    queues.size(), calls.lateCount());
        }
        calls.close();
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
