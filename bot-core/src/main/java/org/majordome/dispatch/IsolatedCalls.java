package org.majordome.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.majordome.api.event.BotEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs plugin calls on the thread that drains one plugin's lane in a room (a {@link Lane}, see
 * {@link PluginLanes}) and watches them against the time limit. A call that throws is logged and counted. A
 * call still running at the limit is logged and counted, and the lane is abandoned: the dispatcher hands the
 * rest of that lane to a new thread ({@code onAbandon}), and the old thread ends once the late call returns,
 * without touching the lane again. Calls that end in time cost no thread hand-off.
 *
 * <p>While a plugin's call is still running late in a room, that plugin's next calls there are skipped
 * (counted, logged at most every few seconds) instead of each waiting out the limit again: a plugin stuck
 * for good would otherwise fill its lane at one event per time limit.
 *
 * <p>A paused plugin (disabled by an operator, {@link PluginRegistry#pause}) is not called: the check is made
 * here, at call time, so that a call queued before the pause does not run after it.
 *
 * <p>Thread state: the MDC carries {@code plugin} and {@code room} during the call, so every line the plugin
 * logs is tagged, and is put back as it was before the call when it ends, so that nothing a plugin put there
 * is seen by a later call. A lane's thread only ever runs one plugin's calls in one room, so a ThreadLocal a
 * plugin leaves set cannot reach another plugin (see {@link PluginLanes}).
 *
 * <p>The watch is a ticker thread that looks at the lanes' current calls every quarter of the limit (at most
 * every 250 ms): a late call is noticed between the limit and the limit plus a tick.
 */
final class IsolatedCalls implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedCalls.class);
    private static final long ABANDONED = -1;
    private static final Duration LONGEST_TICK = Duration.ofMillis(250);
    private static final Duration SHORTEST_TICK = Duration.ofMillis(1);

    private final Duration limit;
    private final long limitNanos;
    private final DispatchCounters counters;
    private final Consumer<Lane> onAbandon;
    private final Predicate<String> paused;
    private final Set<Lane> lanes = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Lane> currentLane = new ThreadLocal<>();
    /** Calls that overran and are still running, completed when they return. */
    private final Set<CompletableFuture<Void>> lateCalls = ConcurrentHashMap.newKeySet();
    /** (plugin, room) pairs with a call still running past the limit. */
    private final Set<String> runningLate = ConcurrentHashMap.newKeySet();
    private final RateLimitedLog skipLog;
    private final Clock clock;
    private final ScheduledExecutorService ticker;

    /**
     * @param onAbandon called (on the ticker thread) with the lane that takes over from one whose call
     *                  overran: continue its work elsewhere; must not block
     * @param paused    whether a plugin is paused now; asked before every call
     */
    IsolatedCalls(Duration limit, DispatchCounters counters, Clock clock, Consumer<Lane> onAbandon,
                  Predicate<String> paused) {
        this.paused = paused;
        this.limit = limit;
        this.limitNanos = limit.toNanos();
        this.counters = counters;
        this.onAbandon = onAbandon;
        this.clock = clock;
        this.skipLog = new RateLimitedLog(LOG, clock, Duration.ofSeconds(10));
        long tickNanos = Math.max(SHORTEST_TICK.toNanos(), Math.min(LONGEST_TICK.toNanos(), limitNanos / 4));
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("plugin-call-watch").daemon(true).factory());
        ticker.scheduleWithFixedDelay(this::check, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * One thread's turn at draining a plugin's lane in a room: the calls it makes are watched until it
     * {@link #leave}s or is abandoned. The position fields say where the lane stands in its current item;
     * they are written by the lane's thread before each call and handed to the next lane when this one is
     * abandoned.
     */
    static final class Lane {
        /** The room (or direct-chat sender) the lane serves. */
        final String key;
        /** The plugin the lane serves. */
        final String plugin;
        /** Odd while a call runs (a sequence number), even between calls, {@link #ABANDONED} once given up. */
        private final AtomicLong state = new AtomicLong();
        private volatile long callStartedNanos;
        private String pluginId;
        private String room;
        private String what;
        private PluginScanner.EventHandler handlerCalled;
        /** Set by the watch before it abandons the lane; completed by the late call's end. */
        private CompletableFuture<Void> lateEnd;

        /** The item being delivered (null between items). */
        PluginLanes.Work work;
        /** Which of the plugin's handlers is being called. */
        int handler;
        /** The item's handlers are done; its command runs, if it has one. */
        boolean inCommand;

        Lane(String key, String plugin) {
            this.key = key;
            this.plugin = plugin;
        }

        /** True once the lane's call overran and its work moved on to another thread. */
        boolean abandoned() {
            return state.get() == ABANDONED;
        }

        /** A lane for the same plugin and room that carries on after the current call. */
        private Lane successor() {
            Lane next = new Lane(key, plugin);
            next.work = work;
            next.handler = handler + 1;
            next.inCommand = inCommand;
            return next;
        }
    }

    /** The current thread starts draining {@code lane}. */
    void enter(Lane lane) {
        currentLane.set(lane);
        lanes.add(lane);
    }

    /** The current thread is done with {@code lane} (it is empty, or was abandoned). */
    void leave(Lane lane) {
        lanes.remove(lane);
        currentLane.remove();
    }

    /**
     * Runs {@code call} on the current thread (which must have {@link #enter}ed a lane) and returns once it
     * finished. When it overran, the lane was abandoned meanwhile and the result is {@link Outcome#OVERRAN}:
     * the caller must then stop and leave, another thread has taken over.
     *
     * @param pluginId who is called, for the logs
     * @param room     the room (or direct-chat sender) concerned, for the logs
     * @param what     what the call is, e.g. the event type or the command
     * @return how the call ended
     */
    Outcome run(String pluginId, String room, String what, Runnable call) {
        return run(pluginId, room, what, null, call, null);
    }

    /** Runs an event handler, as {@link #run(String, String, String, Runnable)}, without a lambda per call. */
    Outcome run(String pluginId, String room, String eventType, PluginScanner.EventHandler handler, BotEvent event) {
        return run(pluginId, room, eventType, handler, null, event);
    }

    private Outcome run(String pluginId, String room, String eventType, PluginScanner.EventHandler handler,
                        Runnable call, BotEvent event) {
        if (paused.test(pluginId)) {
            LOG.debug("plugin {} is disabled; not calling it in {} for {}", pluginId, room, describe(eventType, handler));
            return Outcome.PAUSED;
        }
        if (!runningLate.isEmpty() && runningLate.contains(lateKey(pluginId, room))) {
            String what = describe(eventType, handler);
            counters.handlerCallsSkipped.increment();
            skipLog.warn("plugin {} is still busy with an earlier call in room {}; skipping it for {} until that "
                    + "call returns", pluginId, room, what);
            return Outcome.SKIPPED;
        }
        Lane lane = currentLane.get();
        if (lane == null) {
            throw new IllegalStateException("a plugin call outside a dispatcher lane");
        }
        lane.pluginId = pluginId;
        lane.room = room;
        lane.what = eventType;
        lane.handlerCalled = handler;
        lane.callStartedNanos = System.nanoTime();
        long running = lane.state.get() + 1;
        lane.state.set(running); // publishes the fields above to the watch
        Throwable failure = null;
        // Null on a lane's own thread (nothing there but plugin calls); the caller's context in the test kit.
        Map<String, String> outerContext = MDC.getCopyOfContextMap();
        MDC.put("plugin", pluginId);
        MDC.put("room", room);
        try {
            if (handler != null) {
                handler.invoke(event);
            } else {
                call.run();
            }
        } catch (Throwable thrown) {
            // A plugin's failure of any kind must stay the plugin's: catch everything, report it below.
            failure = thrown;
        } finally {
            // Whatever the plugin put in the MDC goes with the call: it must not tag the next call's lines.
            if (outerContext == null || outerContext.isEmpty()) {
                MDC.clear();
            } else {
                MDC.setContextMap(outerContext);
            }
        }
        if (lane.state.compareAndSet(running, running + 1)) {
            if (failure == null) {
                return Outcome.COMPLETED;
            }
            counters.handlerErrors.increment();
            counters.lastErrors.put(pluginId, new PluginError(room, describe(eventType, handler), failure.toString(),
                    clock.instant()));
            LOG.error("plugin {} failed in room {} handling {}", pluginId, room, describe(eventType, handler), failure);
            return Outcome.FAILED;
        }
        // The watch gave up on this call: report its end; the caller unwinds.
        String what = describe(eventType, handler);
        runningLate.remove(lateKey(pluginId, room));
        counters.handlersRunningLate.decrementAndGet();
        if (failure != null) {
            counters.handlerErrors.increment();
            counters.lastErrors.put(pluginId, new PluginError(room, what, failure.toString(), clock.instant()));
            LOG.error("plugin {} failed late in room {} handling {}", pluginId, room, what, failure);
        } else {
            LOG.info("plugin {} finished {} in room {} late", pluginId, what, room);
        }
        lateCalls.remove(lane.lateEnd);
        lane.lateEnd.complete(null);
        return Outcome.OVERRAN;
    }

    /** On the ticker: abandons the lanes whose call is past the limit. */
    private void check() {
        long now = System.nanoTime();
        for (Lane lane : lanes) {
            long state = lane.state.get();
            if ((state & 1) == 0 || now - lane.callStartedNanos < limitNanos) {
                continue;
            }
            String pluginId = lane.pluginId;
            String room = lane.room;
            String what = describe(lane.what, lane.handlerCalled);
            // Marked late before the lane is given up, so that the call's own end always finds the mark.
            String lateKey = lateKey(pluginId, room);
            CompletableFuture<Void> late = new CompletableFuture<>();
            lane.lateEnd = late;
            lateCalls.add(late);
            runningLate.add(lateKey);
            counters.handlersRunningLate.incrementAndGet();
            if (!lane.state.compareAndSet(state, ABANDONED)) {
                // It returned just now, in time after all.
                runningLate.remove(lateKey);
                counters.handlersRunningLate.decrementAndGet();
                lateCalls.remove(late);
                continue;
            }
            lanes.remove(lane);
            counters.handlerTimeouts.increment();
            LOG.warn("plugin {} still busy in room {} with {} after {}; moving on without it", pluginId, room, what, limit);
            Lane next = lane.successor();
            try {
                onAbandon.accept(next);
            } catch (RuntimeException bug) {
                LOG.error("could not hand on the lane of plugin {} in {} after a late call", lane.plugin, lane.key, bug);
            }
        }
    }

    private static String lateKey(String pluginId, String room) {
        return pluginId + '\u0000' + room;
    }

    /** What a call is, for the logs: the event type and the handler method, or the command. */
    private static String describe(String what, PluginScanner.EventHandler handler) {
        return handler == null ? what : what + " (" + handler.methodName() + ")";
    }

    /** How a call ended. */
    enum Outcome {
        /** Returned normally within the limit. */
        COMPLETED,
        /** Threw within the limit. */
        FAILED,
        /** Ran past the limit: its lane was abandoned and another thread carries on. */
        OVERRAN,
        /** Not called: the plugin's previous call in this room is still running late. */
        SKIPPED,
        /** Not called: the plugin is paused (an operator disabled it). */
        PAUSED
    }

    /** The calls still running past their limit. */
    List<CompletableFuture<Void>> lateCalls() {
        return List.copyOf(lateCalls);
    }

    /** How many calls run late now (for the shutdown report). */
    int lateCount() {
        return runningLate.size();
    }

    /** Stops the watch (late calls are no longer followed). */
    @Override
    public void close() {
        ticker.shutdownNow();
        lateCalls.forEach(late -> late.complete(null));
    }
}
