package org.majordome.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one instance does with the leases at one renewal, decided from what the database showed: which free rooms
 * it tries to take and which room it gives up. Pure, so that every case is a unit test.
 *
 * <p>The rooms are shared among the live instances: each takes free rooms (never leased, released, or expired) up
 * to its fair share, the number of rooms divided by the live instances, rounded up; a room another instance holds
 * is never taken from it. An instance that holds more than its share (another instance came up) gives one room up
 * per renewal, so that rooms move gently; a room no longer declared is given up at once.
 *
 * @param take    free rooms to try to take, best first (another instance may take one first: the database decides)
 * @param release rooms to give up
 */
record LeasePlan(List<String> take, List<String> release) {

    LeasePlan {
        take = List.copyOf(take);
        release = List.copyOf(release);
    }

    /**
     * @param declared      the rooms this bot keeps, in configuration order
     * @param leases        every lease in the database, by room
     * @param me            this instance's name
     * @param held          the rooms this instance holds now
     * @param liveInstances how many instances are alive, this one included
     */
    static LeasePlan decide(List<String> declared, Map<String, LeaseTable.Lease> leases, String me, Set<String> held,
                            int liveInstances) {
        List<String> release = new ArrayList<>(held.stream().filter(room -> !declared.contains(room)).sorted().toList());
        long keptHere = held.stream().filter(declared::contains).count();
        int share = fairShare(declared.size(), liveInstances);
        if (keptHere > share) {
            // The last one in configuration order: which room moves does not matter, that only one moves does.
            declared.reversed().stream().filter(held::contains).findFirst().ifPresent(release::add);
            return new LeasePlan(List.of(), release);
        }
        List<String> free = declared.stream()
                .filter(room -> !held.contains(room))
                .filter(room -> {
                    LeaseTable.Lease lease = leases.get(room);
                    return lease == null || !lease.running() || lease.holder().equals(me);
                })
                // Each instance tries the free rooms in an order of its own, so that instances taking rooms at the
                // same moment seldom race for the same ones.
                .sorted(Comparator.comparingInt(room -> rank(room, me)))
                .toList();
        long room = share - keptHere;
        return new LeasePlan(free.subList(0, (int) Math.min(room, free.size())), release);
    }

    /** A room's place in an instance's order: scrambled (murmur3's finaliser), so that instances' orders differ. */
    static int rank(String room, String instance) {
        int hash = room.hashCode() * 0x9E3779B9 + instance.hashCode();
        hash ^= hash >>> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >>> 13;
        hash *= 0xC2B2AE35;
        return hash ^ (hash >>> 16);
    }

    /** Rooms per live instance, rounded up: together the live instances can always hold every room. */
    static int fairShare(int rooms, int liveInstances) {
        int instances = Math.max(1, liveInstances);
        return (rooms + instances - 1) / instances;
    }
}
