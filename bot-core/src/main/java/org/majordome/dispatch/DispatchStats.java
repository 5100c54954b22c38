package org.majordome.dispatch;

/**
 * Counters since the dispatcher started, for metrics and health checks.
 *
 * @param eventsAccepted      events taken into a queue
 * @param eventsShed          events refused because their room's queue was full or the dispatcher shutting down,
 *                            plus events one plugin missed because its lane in that room was full
 * @param eventsDispatched    events whose delivery to all plugins finished (in time or not)
 * @param handlerErrors       handler or command calls that threw
 * @param handlerTimeouts     handler or command calls that overran the time limit
 * @param handlersRunningLate calls that overran the limit and are still running now
 * @param commandsRun         command handlers called (after the permission stage)
 * @param commandsRefused     commands refused for lack of permission
 * @param commandsRateLimited commands ignored because their sender ran out of allowance
 * @param handlerCallsSkipped calls not made because the plugin's previous call in that room was still running late
 */
public record DispatchStats(long eventsAccepted, long eventsShed, long eventsDispatched, long handlerErrors,
                            long handlerTimeouts, long handlersRunningLate, long commandsRun, long commandsRefused,
                            long commandsRateLimited, long handlerCallsSkipped) {
}
