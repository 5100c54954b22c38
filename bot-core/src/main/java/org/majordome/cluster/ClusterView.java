package org.majordome.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cluster as an operator is shown it (the {@code status} command, {@code /health/cluster}, the metrics): the
 * rooms this instance may act in now, and every live instance with the rooms it held and its last renewal as the
 * database showed them at this instance's last renewal.
 *
 * @param instance this instance's name
 * @param acting   the rooms this instance may act in now (its fence), sorted
 * @param renewing whether this instance's last renewal reached the database (if not, it stops acting in its rooms
 *                 before their leases can run out)
 * @param members  the live instances at the last renewal, by name, this one included
 * @param free     the rooms this bot keeps that no running lease held at the last renewal (about to be taken), sorted
 */
public record ClusterView(String instance, Set<String> acting, boolean renewing, List<Member> members,
                          Set<String> free) {

    public ClusterView {
        acting = Collections.unmodifiableSortedSet(new TreeSet<>(acting));
        members = List.copyOf(members);
        free = Collections.unmodifiableSortedSet(new TreeSet<>(free));
    }

    /**
     * One live instance.
     *
     * @param name        its name
     * @param lastRenewal when it last renewed, on the database's clock: the end of its heartbeat less the lease of this
     *                    instance (the instances of one cluster share their {@code cluster:} settings but the name)
     * @param rooms       the rooms whose running lease it held, sorted
     */
    public record Member(String name, Instant lastRenewal, List<String> rooms) {
        public Member {
            rooms = List.copyOf(rooms);
        }
    }

    /** This instance in {@link #members}, if its last renewal reached the database. */
    public Optional<Member> self() {
        return members.stream().filter(member -> member.name().equals(instance)).findFirst();
    }

    /** What the database showed at one renewal. */
    record Snapshot(List<String> declared, Map<String, LeaseTable.Lease> leases, Map<String, Instant> aliveUntil) {
        static final Snapshot NONE = new Snapshot(List.of(), Map.of(), Map.of());

        Snapshot {
            declared = List.copyOf(declared);
            leases = Map.copyOf(leases);
            aliveUntil = Map.copyOf(aliveUntil);
        }

        /** The live instances and the free rooms; an instance's last renewal is its heartbeat's end less the lease. */
        ClusterView view(String instance, Set<String> acting, boolean renewing, Duration lease) {
            List<Member> members = new ArrayList<>();
            new TreeSet<>(aliveUntil.keySet()).forEach(name -> members.add(new Member(name,
                    aliveUntil.get(name).minus(lease), new TreeSet<>(leases.entrySet().stream()
                    .filter(entry -> entry.getValue().running() && entry.getValue().holder().equals(name))
                    .map(Map.Entry::getKey).toList()).stream().toList())));
            Set<String> free = new TreeSet<>(declared);
            leases.forEach((room, held) -> {
                if (held.running()) {
                    free.remove(room);
                }
            });
            return new ClusterView(instance, acting, renewing, members, free);
        }
    }
}
