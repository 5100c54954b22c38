package org.majordome.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one plugin call on its own thread and waits for it at most the time limit. A call that throws is
 * logged and counted; a call that overruns is logged and counted and left to finish in the background, so
 * that one stuck plugin cannot hold a room's queue. While a plugin's call is still running late in a
 * room, that plugin's next calls there are skipped (counted, logged at most every few seconds) instead of
 * each waiting out the limit again: a plugin stuck for good would otherwise slow its room to one event
 * per time limit. The MDC carries {@code plugin} and {@code room} during the call, so every line the
 * plugin logs is tagged.
 */
final class IsolatedCalls {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedCalls.class);

    private final Executor executor;
    private final Duration limit;
    private final DispatchCounters counters;
    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
    /** (plugin, room) pairs with a call still running past the limit. */
    private final Set<String> runningLate = ConcurrentHashMap.newKeySet();
    private final RateLimitedLog skipLog;

    IsolatedCalls(Executor executor, Duration limit, DispatchCounters counters, Clock clock) {
        this.executor = executor;
        this.limit = limit;
        this.counters = counters;
        this.skipLog = new RateLimitedLog(LOG, clock, Duration.ofSeconds(10));
    }

    /**
     * Runs {@code call} and returns once it finished or the limit passed.
     *
     * @param pluginId who is called, for the logs
     * @param room     the room (or direct-chat sender) concerned, for the logs
     * @param what     what the call is, e.g. the event type or the command
     * @return how the call ended, as far as the caller waited
     */
    Outcome run(String pluginId, String room, String what, Runnable call) {
        String lateKey = pluginId + '\u0000' + room;
        if (runningLate.contains(lateKey)) {
            counters.handlerCallsSkipped.increment();
            skipLog.warn("plugin {} is still busy with an earlier call in room {}; skipping it for {} until that "
                    + "call returns", pluginId, room, what);
            return Outcome.SKIPPED;
        }
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        inFlight.add(outcome);
        outcome.whenComplete((ignored, failure) -> inFlight.remove(outcome));
        try {
            executor.execute(() -> {
                MDC.put("plugin", pluginId);
                MDC.put("room", room);
                try {
                    call.run();
                    outcome.complete(null);
                } catch (Throwable failure) {
                    // A plugin's failure of any kind must stay the plugin's: catch everything, report it below.
                    outcome.completeExceptionally(failure);
                } finally {
                    MDC.remove("plugin");
                    MDC.remove("room");
                }
            });
        } catch (RejectedExecutionException rejected) {
            outcome.completeExceptionally(rejected);
        }
        try {
            outcome.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            return Outcome.COMPLETED;
        } catch (ExecutionException failed) {
            counters.handlerErrors.increment();
            LOG.error("plugin {} failed in room {} handling {}", pluginId, room, what, failed.getCause());
            return Outcome.FAILED;
        } catch (TimeoutException overran) {
            counters.handlerTimeouts.increment();
            counters.handlersRunningLate.incrementAndGet();
            runningLate.add(lateKey);
            LOG.warn("plugin {} still busy in room {} with {} after {}; moving on without it", pluginId, room, what, limit);
            outcome.whenComplete((ignored, failure) -> {
                runningLate.remove(lateKey);
                counters.handlersRunningLate.decrementAndGet();
                if (failure != null) {
                    counters.handlerErrors.increment();
                    LOG.error("plugin {} failed late in room {} handling {}", pluginId, room, what, failure);
                } else {
                    LOG.info("plugin {} finished {} in room {} late", pluginId, what, room);
                }
            });
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return Outcome.OVERRAN;
    }

    /** How a call ended, as far as the caller waited. */
    enum Outcome {
        /** Returned normally within the limit. */
        COMPLETED,
        /** Threw within the limit. */
        FAILED,
        /** Still running at the limit (or the waiting thread was interrupted). */
        OVERRAN,
        /** Not called: the plugin's previous call in this room is still running late. */
        SKIPPED
    }

    /** The calls running now, including late ones. */
    List<CompletableFuture<Void>> inFlight() {
        return List.copyOf(inFlight);
    }
}
