package org.majordome.script;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops script calls that run too long or allocate too much: every few milliseconds it looks at the calls in
 * progress and interrupts ({@link Context#interrupt}) those past a limit. Interruption works in the
 * interpreter too (GraalJS checks for it at safepoints), and leaves the context usable.
 *
 * <p>Memory: GraalJS community edition has no per-context heap limit, so the watchdog bounds what a single
 * call allocates, measured per thread by the JVM ({@code com.sun.management.ThreadMXBean}); each script runs
 * on its own platform thread for that reason. Memory a script keeps between calls is not bounded.
 */
final class ScriptWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptWatchdog.class);
    private static final Duration TICK = Duration.ofMillis(10);
    private static final Duration INTERRUPT_WAIT = Duration.ofSeconds(2);

    /** Which limit a call broke. */
    enum Limit { TIME, MEMORY }

    private final LongSupplier nanoTime;
    private final com.sun.management.ThreadMXBean threads;
    private final Set<Guard> guards = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;

    ScriptWatchdog(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.threads = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean hotspot
                && hotspot.isThreadAllocatedMemorySupported() ? hotspot : null;
        if (threads == null) {
            LOG.warn("this JVM cannot measure per-thread allocation: script memory limits are not enforced");
        } else if (!threads.isThreadAllocatedMemoryEnabled()) {
            threads.setThreadAllocatedMemoryEnabled(true);
        }
        this.ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("script-watchdog")
                .daemon(true).factory());
        ticker.scheduleWithFixedDelay(this::check, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    static ScriptWatchdog onSystemTime() {
        return new ScriptWatchdog(System::nanoTime);
    }

    /** Watches the call the current thread is about to make into {@code context}; close the guard after it. */
    Guard watch(Context context, Duration timeLimit, long allocationLimitBytes) {
        Guard guard = new Guard(context, Thread.currentThread().threadId(), nanoTime.getAsLong() + timeLimit.toNanos(),
                allocatedBy(Thread.currentThread().threadId()), allocationLimitBytes);
        guards.add(guard);
        return guard;
    }

    private long allocatedBy(long threadId) {
        return threads == null ? -1 : threads.getThreadAllocatedBytes(threadId);
    }

    private void check() {
        long now = nanoTime.getAsLong();
        for (Guard guard : guards) {
            if (guard.broken != null) {
                continue;
            }
            if (now - guard.deadlineNanos >= 0) {
                guard.interrupt(Limit.TIME);
            } else if (guard.allocatedAtStart >= 0 && threads != null
                    && allocatedBy(guard.threadId) - guard.allocatedAtStart > guard.allocationLimitBytes) {
                guard.interrupt(Limit.MEMORY);
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** One watched call. */
    final class Guard implements AutoCloseable {
        private final Context context;
        private final long threadId;
        private final long deadlineNanos;
        private final long allocatedAtStart;
        private final long allocationLimitBytes;
        private volatile Limit broken;

        private Guard(Context context, long threadId, long deadlineNanos, long allocatedAtStart,
                      long allocationLimitBytes) {
            this.context = context;
            this.threadId = threadId;
            this.deadlineNanos = deadlineNanos;
            this.allocatedAtStart = allocatedAtStart;
            this.allocationLimitBytes = allocationLimitBytes;
        }

        /** The limit this call broke (it was interrupted), or null. */
        Limit broken() {
            return broken;
        }

        private void interrupt(Limit limit) {
            broken = limit;
            // Interrupting waits until the script has stopped: not on the ticker, which watches every script.
            Thread.ofVirtual().name("script-interrupt").start(() -> {
                if (!guards.contains(this)) {
                    return;
                }
                try {
                    context.interrupt(INTERRUPT_WAIT);
                } catch (TimeoutException stuck) {
                    // Stuck in a host call (storage, say) rather than in JavaScript: cancel the whole context.
                    LOG.warn("a script call did not stop within {} of its interruption; closing its context", INTERRUPT_WAIT);
                    closeQuietly();
                } catch (IllegalStateException | PolyglotException alreadyOver) {
                    // The call ended, or the context was closed, in the meantime: nothing left to stop.
                }
            });
        }

        private void closeQuietly() {
            try {
                context.close(true);
            } catch (IllegalStateException | PolyglotException closing) {
                LOG.debug("closing an overrunning script context", closing);
            }
        }

        @Override
        public void close() {
            guards.remove(this);
        }
    }
}
