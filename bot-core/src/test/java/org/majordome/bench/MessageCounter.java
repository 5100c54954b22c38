package org.majordome.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.majordome.api.NoConfig;
import org.majordome.api.OnEvent;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.event.RoomMessageReceivedEvent;

/**
 * The cheapest possible plugin (id {@code counter}): it counts room messages. The benchmarks that measure the
 * pipeline around a plugin use it as that plugin, and to tell when a batch has been delivered, by polling
 * {@link #seen()} or by parking in {@link #awaitExpected()}.
 */
public final class MessageCounter implements Plugin<NoConfig> {

    private final AtomicLong seen = new AtomicLong();
    private volatile long target = Long.MAX_VALUE;
    private volatile Thread waiter;

    @Override
    public String id() {
        return "counter";
    }

    @Override
    public Class<NoConfig> configType() {
        return NoConfig.class;
    }

    @Override
    public void start(PluginContext<NoConfig> context) {
        // Nothing to keep but the count.
    }

    @OnEvent
    public void on(RoomMessageReceivedEvent message) {
        if (seen.incrementAndGet() >= target) {
            LockSupport.unpark(waiter);
        }
    }

    /** The messages counted so far. */
    public long seen() {
        return seen.get();
    }

    /** Expects {@code more} messages beyond those counted: the calling thread is woken when they are in. */
    public void expect(long more) {
        waiter = Thread.currentThread();
        target = seen.get() + more;
    }

    /** Parks until the messages of the last {@link #expect(long)} are counted; returns the count. */
    public long awaitExpected() {
        while (seen.get() < target) {
            LockSupport.park(this);
        }
        return seen.get();
    }
}
