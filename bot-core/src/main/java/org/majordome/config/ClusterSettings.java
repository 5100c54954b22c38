package org.majordome.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code cluster:} section: this bot is one of several instances sharing one PostgreSQL database, each room
 * kept by exactly one of them at a time (see {@code org.majordome.cluster}).
 *
 * @param instance   this instance's name, unique in the cluster: the holder named on its room leases and the
 *                   resource it logs in with
 * @param lease      how long a room's lease lasts without renewal: after it, another instance takes the room over
 * @param renewEvery how often this instance renews its leases (and takes free rooms); less than half the lease, so
 *                   that one missed renewal does not lose a room
 */
public record ClusterSettings(String instance, Duration lease, Duration renewEvery) {

    /** The shortest lease: below it, a database round trip on a loaded machine is a good part of the lease. */
    public static final Duration MIN_LEASE = Duration.ofSeconds(2);
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    /** The longest instance name: it is an XMPP resource and a column of the lease table. */
    public static final int MAX_INSTANCE_LENGTH = 100;

    public ClusterSettings {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(renewEvery, "renewEvery");
        if (lease.compareTo(MIN_LEASE) < 0) {
            throw new IllegalArgumentException("the lease must be at least " + MIN_LEASE + ", was " + lease);
        }
        if (renewEvery.isNegative() || renewEvery.isZero() || renewEvery.multipliedBy(2).compareTo(lease) >= 0) {
            throw new IllegalArgumentException("renew-every must be less than half the lease (" + lease + "), was "
                    + renewEvery);
        }
    }

    /** The renewal interval when the file gives none: a third of the lease. */
    public static Duration defaultRenewEvery(Duration lease) {
        return lease.dividedBy(3);
    }

    /**
     * How long after its last successful renewal this instance stops acting in its rooms: the lease less a quarter,
     * so that it has stopped before any other instance can take a room over, even if its renewal reached the
     * database late. Counted from the moment the renewal was sent (before the database's clock started the new
     * lease), on this instance's monotonic clock.
     */
    public Duration actFor() {
        return lease.minus(lease.dividedBy(4));
    }
}
