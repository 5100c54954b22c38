package org.majordome.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * Delivers events to plugins in two steps. First one bounded, ordered queue per room (and per direct-chat
 * sender), drained by one task at a time on the drain executor, rooms concurrently: for every event it hands
 * each running plugin enabled in the room its share (the plugin's handlers that accept the event) and runs
 * the runtime's part of the command stage (parse, rate limit, help, permission, argument count), which adds
 * the command's call to its plugin's share. Then one ordered lane per room and plugin ({@link PluginLanes}),
 * each drained on the handler executor: a plugin sees one room's events, and its commands there, in order and
 * one at a time, while plugins of the same room run side by side, so a slow or looping one never holds the
 * others back. No plugin code runs on the room queue's thread. An event the command stage has nothing to do
 * with (anything but a message starting with the command prefix), for a room with nothing waiting, skips the
 * room queue: the offering thread hands it to the lanes itself, which saves a thread hand-off.
 *
 * <p>Queues and lanes exist only while they have work: the first event for an idle key starts a drain task,
 * which ends and removes the queue when it finds it empty. Memory is therefore bounded by the capacity times
 * the keys (and lanes) with pending work; when a room queue is full the event is shed, when one plugin's
 * lane is full that plugin misses it; both are counted and logged at most every few seconds.
 *
 * <p>Wiring, in order:
 * <pre>{@code
 * PluginCatalog catalog = PluginLoader.load(appClassLoader, pluginDirectory);          // problems() must be empty
 * PluginRegistry registry = PluginRegistry.build(catalog.instances(), enabledPluginIdsByRoomJid); // same
 * CommandTable commands = new CommandTable();
 * PluginLifecycle lifecycle = new PluginLifecycle(registry, commands, binder, new PluginServices(rooms, directChat, clock));
 * List<String> startProblems = lifecycle.startAll();
 * Dispatcher dispatcher = Dispatcher.onVirtualThreads(registry, commands, new PermissionResolver(adminBareJids),
 *         rooms, directChat, settings, texts, clock);
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
    private final PluginLanes lanes;
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
     * @param texts           the runtime's answers and the plugins' command help, in each asker's language
     * @param clock           for rate limits
     * @param drainExecutor   runs one task per busy room queue (virtual threads in production); no plugin code
     *                        runs there
     * @param handlerExecutor runs one task per busy plugin lane, which makes the plugin's calls, and the rest
     *                        of a lane when a call overran the time limit and is left behind (virtual threads
     *                        in production: each lane's thread serves one plugin in one room)
     */
    public Dispatcher(PluginRegistry plugins, CommandTable commands, PermissionResolver permissions, Rooms rooms,
                      DirectChat directChat, DispatcherSettings settings, PluginTexts texts, Clock clock,
                      Executor drainExecutor, Executor handlerExecutor) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.drainExecutor = Objects.requireNonNull(drainExecutor, "drainExecutor");
        this.lanes = new PluginLanes(settings, counters, clock, Objects.requireNonNull(handlerExecutor,
                "handlerExecutor"), this::startTask, plugins::isPaused);
        this.commandStage = new CommandStage(settings, commands, plugins, permissions, rooms, directChat, counters,
                clock, texts);
        this.shedLog = new RateLimitedLog(LOG, clock, Duration.ofSeconds(10));
    }

    /**
     * A dispatcher on virtual threads: one per busy room queue and one per busy plugin lane (and one more when
     * a plugin call overruns). They inherit no inheritable ThreadLocals from whoever started them.
     */
    public static Dispatcher onVirtualThreads(PluginRegistry plugins, CommandTable commands,
                                              PermissionResolver permissions, Rooms rooms, DirectChat directChat,
                                              DispatcherSettings settings, PluginTexts texts, Clock clock) {
        ThreadFactory drainThreads = Thread.ofVirtual().name("dispatch-", 0).inheritInheritableThreadLocals(false)
                .factory();
        ThreadFactory handlerThreads = Thread.ofVirtual().name("plugin-lane-", 0)
                .inheritInheritableThreadLocals(false).factory();
        return new Dispatcher(plugins, commands, permissions, rooms, directChat, settings, texts, clock,
                Executors.newThreadPerTaskExecutor(drainThreads), Executors.newThreadPerTaskExecutor(handlerThreads));
    }

    /**
     * Queues an event for delivery. Never blocks (beyond a queue's or lane's monitor, held only to add or take
     * one item) and runs no plugin code: safe on the XMPP library's reader thread. An event that cannot be a
     * command, for a room with nothing waiting, goes straight to the plugins' lanes.
     *
     * @return false when the event was shed (room queue full, or shutting down); a plugin whose own lane is
     *         full misses it without making this false
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
                if (!commandStage.mayBeCommand(event)) {
                    // Nothing of this key waits to be handed out and the command stage has nothing to do with
                    // it: hand it to the lanes from here, one thread hand-off instead of two. The order holds:
                    // a queue leaves the map only after handing out its last event.
                    counters.eventsAccepted.increment();
                    handOut(key, event);
                    return true;
                }
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
                startDrain(key);
            }
            return true;
        }
        shed(key, "its queue is full (" + settings.queueCapacity() + " events)");
        return false;
    }

    /** Starts a tracked task; false when the executor refused it. */
    private boolean startTask(Executor executor, Runnable task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        drains.add(done);
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    drains.remove(done);
                    done.complete(null);
                }
            });
            return true;
        } catch (RejectedExecutionException rejected) {
            drains.remove(done);
            done.complete(null);
            return false;
        }
    }

    private void startDrain(String key) {
        if (startTask(drainExecutor, () -> drain(key))) {
            return;
        }
        Queue dropped = queues.remove(key);
        int count = 0;
        if (dropped != null) {
            synchronized (dropped) {
                count = dropped.events.size();
                dropped.events.clear();
                dropped.retired = true;
            }
        }
        counters.eventsShed.add(count);
        LOG.error("cannot start delivery for {}: executor refused; {} event(s) dropped", key, count);
    }

    /**
     * Hands the queue's events out to the plugin lanes in order until it is empty. The head of the queue stays
     * there while it is handed out (an offer seeing a non-empty queue knows a drain owns it) and is removed
     * after.
     */
    private void drain(String key) {
        Queue queue = queues.get(key);
        while (queue != null) {
            BotEvent next;
            synchronized (queue) {
                next = queue.events.peekFirst();
                if (next == null) {
                    queue.retired = true;
                    queues.remove(key, queue);
                    return;
                }
                queue.delivering = true;
            }
            handOut(key, next);
            synchronized (queue) {
                queue.events.pollFirst();
                queue.delivering = false;
            }
        }
    }

    /**
     * Gives every plugin of the room its share of the event, then routes it through the command stage. With
     * executors that run tasks at once (the test kit), the handlers have run before the command stage, as a
     * plugin's share is handed out before the command's.
     */
    private void handOut(String key, BotEvent event) {
        PluginLanes.Delivery delivery = new PluginLanes.Delivery(event, counters);
        List<PluginRegistry.LoadedPlugin> targets = event instanceof RoomEvent roomEvent
                ? plugins.runningIn(roomEvent.roomJid().toLowerCase(Locale.ROOT))
                : plugins.running();
        for (PluginRegistry.LoadedPlugin target : targets) {
            List<PluginScanner.EventHandler> handlers = target.scan().eventHandlers();
            if (anyAccepts(handlers, event)) {
                lanes.submit(key, new PluginLanes.Work(delivery, target.id(), handlers, Optional.empty()));
            }
        }
        try {
            commandStage.accept(event, key).ifPresent(command -> lanes.submit(key,
                    new PluginLanes.Work(delivery, command.pluginId(), List.of(), Optional.of(command))));
        } catch (RuntimeException bug) {
            // The command stage is ours, not a plugin's; still, one bad message must not stop the room's queue.
            LOG.error("command stage failed in {} on {}", key, delivery.eventType, bug);
        }
        delivery.release();
    }

    private static boolean anyAccepts(List<PluginScanner.EventHandler> handlers, BotEvent event) {
        for (PluginScanner.EventHandler handler : handlers) {
            if (handler.accepts(event)) {
                return true;
            }
        }
        return false;
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

    /** Each plugin's last failed handler or command call since the dispatcher started, by plugin id. */
    public java.util.Map<String, PluginError> lastErrors() {
        return java.util.Map.copyOf(counters.lastErrors);
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
        boolean callsEnded = awaitAll(lanes.lateCalls(), deadline);
        if (!drained || !callsEnded) {
            LOG.warn("dispatcher shut down with work left: {} queue(s), {} plugin lane(s), {} plugin call(s) still "
                    + "running late", queues.size(), lanes.busyLanes(), lanes.calls().lateCount());
        }
        lanes.close();
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
