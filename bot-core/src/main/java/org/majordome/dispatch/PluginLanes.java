package org.majordome.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.majordome.api.event.BotEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ordered lane per room (or direct-chat sender) and plugin: the plugin's share of the room's events
 * (its handlers, then its command when the event is one), delivered one at a time, in the room's order, on
 * a thread of the lane's own. Lanes of different plugins run side by side, so a plugin that is slow or
 * loops holds back only its own lane, never its neighbours in the room (issue 13 item 8); and since a lane's
 * thread runs one plugin's calls in one room only, a ThreadLocal a plugin leaves set never reaches another
 * plugin.
 *
 * <p>Like the room queues, a lane exists only while it has work: the first item for an idle lane starts a
 * drain task, which ends and removes the lane when it finds it empty. A lane holds at most the dispatcher's
 * queue capacity; beyond it that plugin misses the event (shed, counted and logged at most every few
 * seconds) while the other plugins still get it.
 */
final class PluginLanes {

    private static final Logger LOG = LoggerFactory.getLogger(PluginLanes.class);

    private final DispatcherSettings settings;
    private final DispatchCounters counters;
    private final Executor executor;
    private final Tasks tasks;
    private final IsolatedCalls calls;
    private final RateLimitedLog shedLog;
    private final Map<LaneKey, LaneQueue> lanes = new ConcurrentHashMap<>();

    private record LaneKey(String key, String pluginId) {
    }

    /** One lane's pending items; guarded by its own monitor. */
    private static final class LaneQueue {
        final ArrayDeque<Work> items = new ArrayDeque<>();
        /** The head is being delivered (it leaves the lane after): it does not count against the capacity. */
        boolean delivering;
        /** Emptied and out of the map: a submit that still holds it must take a new one. */
        boolean retired;
    }

    /** Starts a task and keeps track of it until it ends, for the dispatcher's shutdown. */
    interface Tasks {
        /** @return false when the executor refused it */
        boolean start(Executor executor, Runnable task);
    }

    /**
     * One event as it reaches the plugins of its room: counted as dispatched once every lane it was handed to
     * is done with it (in time or not) and the room's own queue has let go of it.
     */
    static final class Delivery {
        final BotEvent event;
        final String eventType;
        private final DispatchCounters counters;
        /** The lanes still holding the event, plus one for the room queue until it has handed it out. */
        private final AtomicInteger holders = new AtomicInteger(1);

        Delivery(BotEvent event, DispatchCounters counters) {
            this.event = event;
            this.eventType = event.getClass().getSimpleName();
            this.counters = counters;
        }

        void retain() {
            holders.incrementAndGet();
        }

        void release() {
            if (holders.decrementAndGet() == 0) {
                counters.eventsDispatched.increment();
            }
        }
    }

    /** One event for one plugin: the plugin's handlers that accept it, then its command, if any. */
    record Work(Delivery delivery, String pluginId, List<PluginScanner.EventHandler> handlers,
                Optional<CommandStage.PendingCommand> command) {
    }

    /**
     * @param executor runs one drain task per busy lane, and the rest of a lane after a late call
     * @param paused   whether a plugin is paused (disabled) now: its calls are not made, even those queued before
     */
    PluginLanes(DispatcherSettings settings, DispatchCounters counters, Clock clock, Executor executor, Tasks tasks,
                java.util.function.Predicate<String> paused) {
        this.settings = settings;
        this.counters = counters;
        this.executor = executor;
        this.tasks = tasks;
        this.calls = new IsolatedCalls(settings.handlerTimeLimit(), counters, clock,
                successor -> startDrain(successor), paused);
        this.shedLog = new RateLimitedLog(LOG, clock, Duration.ofSeconds(10));
    }

    /** The calls of every lane, for the command stage's replies and the shutdown. */
    IsolatedCalls calls() {
        return calls;
    }

    /** Queues {@code work} on its plugin's lane in room {@code key}; sheds it for that plugin when the lane is full. */
    void submit(String key, Work work) {
        LaneKey laneKey = new LaneKey(key, work.pluginId());
        work.delivery().retain();
        while (true) {
            LaneQueue lane = lanes.get(laneKey);
            if (lane == null) {
                lane = lanes.computeIfAbsent(laneKey, ignored -> new LaneQueue());
            }
            boolean startDrain;
            synchronized (lane) {
                if (lane.retired) {
                    continue; // its drain just ended and removed it: take the next one
                }
                if (lane.items.size() - (lane.delivering ? 1 : 0) >= settings.queueCapacity()) {
                    break;
                }
                startDrain = lane.items.isEmpty();
                lane.items.addLast(work);
            }
            if (startDrain) {
                startDrain(new IsolatedCalls.Lane(key, work.pluginId()));
            }
            return;
        }
        counters.eventsShed.increment();
        shedLog.warn("shedding {} for plugin {} in {}: its lane is full ({} events); the other plugins still get it",
                work.delivery().eventType, work.pluginId(), key, settings.queueCapacity());
        work.delivery().release();
    }

    private void startDrain(IsolatedCalls.Lane lane) {
        if (tasks.start(executor, () -> drain(lane))) {
            return;
        }
        LaneQueue dropped = lanes.remove(new LaneKey(lane.key, lane.plugin));
        List<Work> lost = List.of();
        if (dropped != null) {
            synchronized (dropped) {
                lost = List.copyOf(dropped.items);
                dropped.items.clear();
                dropped.retired = true;
            }
        }
        counters.eventsShed.add(lost.size());
        lost.forEach(work -> work.delivery().release());
        LOG.error("cannot start delivery to plugin {} in {}: executor refused; {} event(s) dropped", lane.plugin,
                lane.key, lost.size());
    }

    /**
     * Delivers the lane's items in order until it is empty. The head stays in the lane while it is delivered
     * (a submit seeing a non-empty lane knows a drain owns it) and is removed after, under the same monitor
     * hold that takes the next one.
     */
    private void drain(IsolatedCalls.Lane lane) {
        calls.enter(lane);
        LaneKey laneKey = new LaneKey(lane.key, lane.plugin);
        // Present: a lane leaves the map only when a drain finds it empty, and this one has work (or a head).
        LaneQueue queue = lanes.get(laneKey);
        try {
            Work delivered = null;
            if (lane.work != null) {
                // Taking over from a lane whose call overran: finish its item first.
                delivered = lane.work;
                if (!deliver(lane)) {
                    return;
                }
            }
            while (queue != null) {
                Work next;
                synchronized (queue) {
                    if (delivered != null) {
                        queue.items.pollFirst();
                        queue.delivering = false;
                    }
                    next = queue.items.peekFirst();
                    if (next == null) {
                        queue.retired = true;
                        lanes.remove(laneKey, queue);
                    } else {
                        queue.delivering = true;
                    }
                }
                if (delivered != null) {
                    delivered.delivery().release();
                }
                if (next == null) {
                    return;
                }
                lane.work = next;
                lane.handler = 0;
                lane.inCommand = false;
                delivered = next;
                if (!deliver(lane)) {
                    return;
                }
            }
        } finally {
            calls.leave(lane);
        }
    }

    /**
     * Delivers the lane's item from where the lane stands.
     *
     * @return false when the lane was abandoned meanwhile (its thread must stop; its successor removes the item)
     */
    private boolean deliver(IsolatedCalls.Lane lane) {
        Work work = lane.work;
        BotEvent event = work.delivery().event;
        if (!lane.inCommand) {
            List<PluginScanner.EventHandler> handlers = work.handlers();
            for (int h = lane.handler; h < handlers.size(); h++) {
                PluginScanner.EventHandler handler = handlers.get(h);
                if (handler.accepts(event)) {
                    lane.handler = h;
                    calls.run(work.pluginId(), lane.key, work.delivery().eventType, handler, event);
                    if (lane.abandoned()) {
                        return false;
                    }
                }
            }
            lane.inCommand = true;
            if (work.command().isPresent()) {
                work.command().get().run(calls);
                if (lane.abandoned()) {
                    return false;
                }
            }
        }
        lane.work = null;
        return true;
    }

    /** Lanes with work now (for the shutdown report). */
    int busyLanes() {
        return lanes.size();
    }

    /** The calls still running past their limit. */
    List<CompletableFuture<Void>> lateCalls() {
        return calls.lateCalls();
    }

    /** Stops watching calls. */
    void close() {
        calls.close();
    }
}
