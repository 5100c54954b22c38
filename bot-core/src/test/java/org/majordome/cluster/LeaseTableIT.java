package org.majordome.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.majordome.config.DatabaseConnection;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;
import org.majordome.testing.PostgresExtension;

/**
 * The room leases on a real PostgreSQL, two instances ("a" and "b") on one database: every take, renewal and
 * release is a compare-and-set on holder and expiry, timed by the database's clock. A fresh database per test.
 */
class LeaseTableIT {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final Duration LONG = Duration.ofMinutes(5);
    private static final Duration SHORT = Duration.ofSeconds(2);

    private Database database;
    private LeaseTable a;
    private LeaseTable b;

    @BeforeEach
    void open() {
        DatabaseConnection connection = postgres.newDatabase("leases");
        database = Database.open(DatabaseSettings.jdbc(connection.jdbcUrl(), connection.user(), null));
        a = new LeaseTable(database.dataSource(), "a", Duration.ofSeconds(10));
        b = new LeaseTable(database.dataSource(), "b", Duration.ofSeconds(10));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aRunningLeaseIsTakenByNoOtherInstanceButRenewedByItsHolder() throws Exception {
        assertThat(a.take("room@muc", LONG)).isTrue();

        assertThat(b.take("room@muc", LONG)).isFalse();
        assertThat(a.take("room@muc", LONG)).as("taking one's own lease renews it").isTrue();
        assertThat(a.renewAll(LONG)).containsExactly("room@muc");
        assertThat(b.renewAll(LONG)).isEmpty();
        assertThat(a.leases().get("room@muc")).extracting(LeaseTable.Lease::holder, LeaseTable.Lease::running)
                .containsExactly("a", true);
        // Read by the database's clock: a running lease says how long it still runs, at most the lease.
        assertThat(a.leases().get("room@muc").remainingMillis()).isPositive().isLessThanOrEqualTo(LONG.toMillis());
    }

    @Test
    void aLeaseThatRanOutIsNoLongerRenewedByItsHolderAndAnotherInstanceTakesIt() throws Exception {
        assertThat(a.take("room@muc", SHORT)).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> !a.leases().get("room@muc").running());
        assertThat(a.renewAll(LONG)).as("an expired lease may be another's already").isEmpty();
        assertThat(b.take("room@muc", LONG)).isTrue();
        assertThat(a.take("room@muc", LONG)).isFalse();
        assertThat(b.leases().get("room@muc")).extracting(LeaseTable.Lease::holder, LeaseTable.Lease::running)
                .containsExactly("b", true);
    }

    @Test
    void aReleasedLeaseIsFreeAtOnceAndOnlyItsHolderCanReleaseIt() throws Exception {
        a.take("room@muc", LONG);

        b.release("room@muc");
        assertThat(b.take("room@muc", LONG)).as("b cannot release a's lease").isFalse();

        a.release("room@muc");
        assertThat(b.take("room@muc", LONG)).isTrue();
    }

    @Test
    void theLiveInstancesAreThoseWhoseHeartbeatRunsAndLeavingFreesEveryRoom() throws Exception {
        a.heartbeat(LONG);
        b.heartbeat(SHORT);
        a.take("room1@muc", LONG);
        a.take("room2@muc", LONG);
        assertThat(a.liveInstances().keySet()).containsExactly("a", "b");

        await().atMost(Duration.ofSeconds(30)).until(() -> a.liveInstances().size() == 1);
        assertThat(a.liveInstances().keySet()).containsExactly("a");

        a.leave();
        assertThat(b.liveInstances()).isEmpty();
        assertThat(b.leases()).isEmpty();
    }
}
