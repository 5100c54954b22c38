package org.majordome.admin;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.majordome.api.event.BotEvent;
import org.majordome.cluster.ClusterView;
import org.majordome.dispatch.DispatchStats;
import org.majordome.intake.EventSink;
import org.majordome.room.RoomKeeper;
import org.majordome.room.RoomStatus;
import org.majordome.xmpp.XmppSession;

/**
 * The bot's meters, in a Prometheus registry: connection and rooms, events by type, reconnections,
 * dispatch counters, and the JVM's own. Counts events as a sink; counts reconnections as a session
 * listener.
 */
public final class BotMetrics implements EventSink, XmppSession.Listener, AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter newSessions;
    private final Counter resumedSessions;
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    /**
     * Held here because Micrometer holds a function counter's state object only weakly: with nothing else
     * referencing the supplier, the first garbage collection turned every dispatch counter into a constant 0.
     */
    private final Supplier<DispatchStats> dispatch;
    /** Held for the same reason as {@link #dispatch}; empty when the bot runs alone. */
    private final Optional<Supplier<ClusterView>> cluster;
    /** One series per room this instance acts in, rewritten at every scrape (the set changes as leases move). */
    private final Optional<MultiGauge> actingRooms;

    public BotMetrics(RoomKeeper rooms, XmppSession session, Supplier<DispatchStats> dispatch) {
        this(rooms, session, dispatch, Optional.empty());
    }

    /**
     * As above, for an instance of a cluster ({@code cluster}'s view): also how many rooms this instance acts in,
     * which ones ({@code majordome_cluster_room_acting{room=...} 1}), and how many instances are alive.
     */
    public BotMetrics(RoomKeeper rooms, XmppSession session, Supplier<DispatchStats> dispatch,
                      Optional<Supplier<ClusterView>> cluster) {
        this.dispatch = dispatch;
        this.cluster = cluster;
        this.actingRooms = cluster.map(view -> MultiGauge.builder("majordome.cluster.room.acting")
                .description("1 for each room this instance of the cluster may act in now").register(registry));
        cluster.ifPresent(view -> {
            Gauge.builder("majordome.cluster.rooms.acting", view, v -> v.get().acting().size())
                    .description("rooms this instance of the cluster may act in now").register(registry);
            Gauge.builder("majordome.cluster.instances.live", view, v -> v.get().members().size())
                    .description("instances of the cluster alive at this instance's last renewal").register(registry);
            Gauge.builder("majordome.cluster.renewing", view, v -> v.get().renewing() ? 1 : 0)
                    .description("1 while this instance's renewals reach the database").register(registry);
        });
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("majordome.connected", session, s -> s.isOnline() ? 1 : 0)
                .description("1 while the bot is logged in to its server").register(registry);
        Gauge.builder("majordome.rooms.kept", rooms, r -> r.status().size())
                .description("rooms in the configuration").register(registry);
        Gauge.builder("majordome.rooms.joined", rooms,
                        r -> r.status().stream().filter(status -> status.state() == RoomStatus.State.JOINED).count())
                .description("rooms the bot is in now").register(registry);
        newSessions = Counter.builder("majordome.sessions").tag("kind", "new")
                .description("logins that started a new session (after the first: reconnections)").register(registry);
        resumedSessions = Counter.builder("majordome.sessions").tag("kind", "resumed")
                .description("reconnections that resumed the session (XEP-0198)").register(registry);
        dispatchCounter("majordome.dispatch.events.accepted", dispatch, DispatchStats::eventsAccepted);
        dispatchCounter("majordome.dispatch.events.shed", dispatch, DispatchStats::eventsShed);
        dispatchCounter("majordome.dispatch.events.dispatched", dispatch, DispatchStats::eventsDispatched);
        dispatchCounter("majordome.plugin.errors", dispatch, DispatchStats::handlerErrors);
        dispatchCounter("majordome.plugin.timeouts", dispatch, DispatchStats::handlerTimeouts);
        dispatchCounter("majordome.plugin.calls.skipped", dispatch, DispatchStats::handlerCallsSkipped);
        dispatchCounter("majordome.commands.run", dispatch, DispatchStats::commandsRun);
        dispatchCounter("majordome.commands.refused", dispatch, DispatchStats::commandsRefused);
        dispatchCounter("majordome.commands.rate.limited", dispatch, DispatchStats::commandsRateLimited);
    }

    private void dispatchCounter(String name, Supplier<DispatchStats> dispatch, ToDoubleFunction<DispatchStats> value) {
        FunctionCounter.builder(name, dispatch, supplier -> value.applyAsDouble(supplier.get())).register(registry);
    }

    /** One counter per event type, looked up once: this runs for every event, on the XMPP reader thread. */
    private final ClassValue<Counter> eventCounters = new ClassValue<>() {
        @Override
        protected Counter computeValue(Class<?> type) {
            return registry.counter("majordome.events", "type", type.getSimpleName());
        }
    };

    @Override
    public void accept(BotEvent event) {
        eventCounters.get(event.getClass()).increment();
    }

    @Override
    public void online(boolean resumed) {
        (resumed ? resumedSessions : newSessions).increment();
    }

    /** The meters in Prometheus' text format. */
    public String scrape() {
        actingRooms.ifPresent(gauge -> gauge.register(cluster.orElseThrow().get().acting().stream()
                .map(room -> MultiGauge.Row.of(Tags.of("room", room), 1)).toList(), true));
        return registry.scrape();
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
