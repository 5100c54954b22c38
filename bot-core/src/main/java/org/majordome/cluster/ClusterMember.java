package org.majordome.cluster;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.config.ClusterSettings;
import org.majordome.room.RoomAdmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's part in a cluster: at every renewal (each {@code cluster.renew-every}) it says it is alive, renews
 * its room leases, gives up a room when it holds more than its share, and takes free rooms up to its share (see
 * {@link LeasePlan}); as the {@link RoomAdmission} of the room keeper it admits exactly the rooms it may act in
 * ({@link Fence}), and tells the room keeper when that set changes, so that it joins and leaves rooms to match.
 *
 * <p>Two threads: one renews (a statement to an unreachable database may wait up to its timeout), the other checks
 * the fence often, so that an instance whose renewals hang still stops acting in its rooms in time.
 */
public final class ClusterMember implements RoomAdmission, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterMember.class);
    private static final Duration SHORTEST_FENCE_CHECK = Duration.ofMillis(50);
    private static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(5);
    /** After another instance's lease runs out by the database's clock, the wait before the renewal that takes it. */
    private static final Duration EXPIRY_MARGIN = Duration.ofMillis(50);

    private final ClusterSettings settings;
    private final LeaseTable table;
    private final Supplier<List<String>> declaredRooms;
    private final Fence fence;
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("cluster-leases").daemon().factory());
    private final ScheduledExecutorService fenceChecker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("cluster-fence").daemon().factory());
    /** Rooms given up at the last renewal: released in the database at the next, once the room was left. */
    private final Set<String> releasing = new LinkedHashSet<>();
    private volatile Runnable onChange = () -> { };
    private volatile Set<String> lastActing = Set.of();
    private volatile Set<String> liveInstances = Set.of();
    /** What the database showed at the last successful renewal, with this renewal's own releases and takes. */
    private volatile ClusterView.Snapshot seen = ClusterView.Snapshot.NONE;
    /** A renewal due when another instance's lease runs out, before the next regular one. */
    private volatile ScheduledFuture<?> earlyRenewal;
    private volatile boolean failing;
    private volatile boolean stopped;

    /**
     * @param declaredRooms the rooms this bot keeps (bare JIDs as text), asked at every renewal
     * @param nanoTime      a monotonic clock ({@code System::nanoTime})
     */
    ClusterMember(ClusterSettings settings, LeaseTable table, Supplier<List<String>> declaredRooms, LongSupplier nanoTime) {
        this.settings = settings;
        this.table = table;
        this.declaredRooms = declaredRooms;
        this.fence = new Fence(nanoTime, settings.actFor());
    }

    /** The member of the cluster for this instance, on the shared database; {@link #start()} it. */
    public static ClusterMember on(DataSource dataSource, ClusterSettings settings, Supplier<List<String>> declaredRooms) {
        return new ClusterMember(settings, new LeaseTable(dataSource, settings.instance(), settings.actFor()),
                declaredRooms, System::nanoTime);
    }

    /** What to call when the rooms this instance may act in change (the room keeper's admission changed). */
    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** Starts renewing at once, then every {@code renew-every}, and checking the fence. */
    public void start() {
        log.info("Cluster: instance {}, leases of {} renewed every {}", settings.instance(), settings.lease(),
                settings.renewEvery());
        renewer.scheduleWithFixedDelay(this::renew, 0, settings.renewEvery().toMillis(), TimeUnit.MILLISECONDS);
        long checkMillis = Math.max(SHORTEST_FENCE_CHECK.toMillis(), settings.lease().toMillis() / 20);
        fenceChecker.scheduleWithFixedDelay(this::checkFence, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean admits(EntityBareJid room) {
        return fence.mayAct(room.toString());
    }

    public String instance() {
        return settings.instance();
    }

    /** Whether this instance may act in the room (a bare JID, in any case) now: it carries the room's jobs out. */
    public boolean holds(String room) {
        return fence.mayAct(room) || fence.acting().stream().anyMatch(room::equalsIgnoreCase);
    }

    /** The rooms this instance may act in now, sorted. */
    public Set<String> actingRooms() {
        return fence.acting();
    }

    /** The instances alive at the last renewal, this one included. */
    public Set<String> liveInstances() {
        return liveInstances;
    }

    /** The cluster as an operator is shown it: this instance's rooms now, the others' at the last renewal. */
    public ClusterView view() {
        return seen.view(settings.instance(), fence.acting(), !failing, settings.lease());
    }

    /** One renewal: heartbeat, release, renew, rebalance; then the fence is checked. */
    void renew() {
        long sentAt = fence.now();
        try {
            table.heartbeat(settings.lease());
            for (String room : List.copyOf(releasing)) {
                table.release(room);
                releasing.remove(room);
                log.info("Room {}: lease released for another instance", room);
            }
            Set<String> renewed = table.renewAll(settings.lease());
            Set<String> lost = new HashSet<>(fence.held());
            lost.removeAll(renewed);
            lost.forEach(room -> log.warn("Room {}: lease lost (it ran out before it was renewed)", room));
            fence.renewed(renewed, sentAt);
            Map<String, LeaseTable.Lease> leases = table.leases();
            Map<String, Instant> live = table.liveInstances();
            liveInstances = Set.copyOf(live.keySet());
            List<String> declared = declaredRooms.get();
            LeasePlan plan = LeasePlan.decide(declared, leases, settings.instance(), renewed, liveInstances.size());
            Map<String, LeaseTable.Lease> shown = new HashMap<>(leases);
            for (String room : plan.release()) {
                fence.drop(room);
                releasing.add(room);
                shown.remove(room);
                log.info("Room {}: giving the lease up ({} live instances share the rooms)", room, liveInstances.size());
            }
            for (String room : plan.take()) {
                long takeSentAt = fence.now();
                if (table.take(room, settings.lease())) {
                    fence.took(room, takeSentAt);
                    shown.put(room, new LeaseTable.Lease(settings.instance(), true));
                    log.info("Room {}: lease taken by instance {}", room, settings.instance());
                }
            }
            seen = new ClusterView.Snapshot(declared, shown, live);
            renewAgainAtFirstExpiry(declared, leases);
            if (failing) {
                failing = false;
                log.info("Cluster: renewals reach the database again");
            }
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("Cluster: renewing the leases failed ({}); this instance stops acting in its rooms {} after "
                        + "its last renewal", e.getMessage(), settings.actFor());
            }
        }
        checkFence();
    }

    /**
     * Wakes the renewer as soon as another instance's lease of a room runs out, rather than at the next renewal: a live
     * instance renews its leases long before that (the lease is more than two renewal intervals), so only the leases
     * of an instance that died or froze run out, and its rooms are taken over up to a renewal interval earlier.
     */
    private void renewAgainAtFirstExpiry(List<String> declared, Map<String, LeaseTable.Lease> leases) {
        long firstExpiry = leases.entrySet().stream()
                .filter(entry -> declared.contains(entry.getKey()))
                .map(Map.Entry::getValue)
                .filter(lease -> lease.running() && !lease.holder().equals(settings.instance()))
                .mapToLong(LeaseTable.Lease::remainingMillis)
                .min().orElse(Long.MAX_VALUE);
        if (firstExpiry >= settings.renewEvery().toMillis() || stopped) {
            return;
        }
        ScheduledFuture<?> pending = earlyRenewal;
        if (pending != null && !pending.isDone()) {
            return;   // already due sooner than the next renewal; one at a time
        }
        try {
            earlyRenewal = renewer.schedule(this::renew, firstExpiry + EXPIRY_MARGIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    /** Tells the room keeper when the rooms this instance may act in changed (a lease taken, given up or run out). */
    synchronized void checkFence() {
        Set<String> acting = fence.acting();
        if (stopped || acting.equals(lastActing)) {
            return;
        }
        Set<String> fenced = new HashSet<>(lastActing);
        fenced.removeAll(acting);
        fenced.stream().filter(fence::holds).forEach(room -> log.warn("Room {}: lease not renewed for {}: this "
                + "instance stops acting there before another may take it over", room, settings.actFor()));
        lastActing = acting;
        try {
            onChange.run();
        } catch (RuntimeException e) {
            log.error("Cluster: applying the rooms this instance holds failed", e);
        }
    }

    /**
     * Stops renewing and stops telling the room keeper anything (the bot is leaving every room as it stops); the leases
     * are kept until {@link #close()}, so that no other instance joins a room before this one has left it.
     */
    public synchronized void stopRenewing() {
        stopped = true;
        renewer.shutdownNow();
        fenceChecker.shutdownNow();
    }

    /** Stops renewing and gives every room up at once, so that the other instances take them at their next renewal. */
    @Override
    public void close() {
        stopRenewing();
        // Bounded: an unreachable database must not hold the bot's stop; its leases then simply run out.
        FutureTask<Void> leaving = new FutureTask<>(() -> {
            table.leave();
            return null;
        });
        Thread.ofVirtual().name("cluster-leave").start(leaving);
        try {
            leaving.get(LEAVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Cluster: instance {} left; its rooms are free", settings.instance());
        } catch (ExecutionException | TimeoutException e) {
            leaving.cancel(true);
            log.warn("Cluster: could not release the leases ({}); they run out within {}",
                    e instanceof ExecutionException failed ? failed.getCause().getMessage() : "no answer in time",
                    settings.lease());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
