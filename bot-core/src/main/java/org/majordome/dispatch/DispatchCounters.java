package org.majordome.dispatch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The dispatcher's counters, updated from many threads; {@link #snapshot()} reads them for {@link DispatchStats}. */
final class DispatchCounters {
    final LongAdder eventsAccepted = new LongAdder();
    final LongAdder eventsShed = new LongAdder();
    final LongAdder eventsDispatched = new LongAdder();
    final LongAdder handlerErrors = new LongAdder();
    final LongAdder handlerTimeouts = new LongAdder();
    final AtomicLong handlersRunningLate = new AtomicLong();
    final LongAdder handlerCallsSkipped = new LongAdder();
    final LongAdder commandsRun = new LongAdder();
    final LongAdder commandsRefused = new LongAdder();
    final LongAdder commandsRateLimited = new LongAdder();
    /** Each plugin's last failed call, by plugin id. */
    final Map<String, PluginError> lastErrors = new ConcurrentHashMap<>();

    DispatchStats snapshot() {
        return new DispatchStats(eventsAccepted.sum(), eventsShed.sum(), eventsDispatched.sum(), handlerErrors.sum(),
                handlerTimeouts.sum(), handlersRunningLate.get(), commandsRun.sum(), commandsRefused.sum(),
                commandsRateLimited.sum(), handlerCallsSkipped.sum());
    }
}
