package org.majordome.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.config.ClusterSettings;

/**
 * One instance's renewals against a scripted lease table, on a hand-moved monotonic clock: which rooms it admits,
 * when it stops acting, and when it tells the room keeper.
 */
class ClusterMemberTest {

    private static final Duration LEASE = Duration.ofSeconds(8);
    private static final String ROOM = "room@muc.localhost";

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final AtomicInteger changes = new AtomicInteger();
    private final LeaseTable table = mock(LeaseTable.class);
    private ClusterMember member;

    @BeforeEach
    void create() throws SQLException {
        member = new ClusterMember(new ClusterSettings("a", LEASE, Duration.ofSeconds(2)), table, () -> List.of(ROOM),
                nanos::get);
        member.onChange(changes::incrementAndGet);
        when(table.liveInstances()).thenReturn(Set.of("a"));
        when(table.leases()).thenReturn(Map.of());
        when(table.renewAll(any())).thenReturn(Set.of());
    }

    @Test
    void aFreeRoomIsTakenAdmittedAndTheRoomKeeperTold() throws Exception {
        when(table.take(ROOM, LEASE)).thenReturn(true);

        member.renew();

        assertThat(member.admits(JidCreate.entityBareFrom(ROOM))).isTrue();
        assertThat(member.actingRooms()).containsExactly(ROOM);
        assertThat(changes).hasValue(1);
    }

    @Test
    void aRoomAnotherInstanceTookFirstIsNotAdmitted() throws Exception {
        when(table.take(ROOM, LEASE)).thenReturn(false);

        member.renew();

        assertThat(member.admits(JidCreate.entityBareFrom(ROOM))).isFalse();
        assertThat(changes).hasValue(0);
    }

    /**
     * The fencing rule: the database is unreachable after the room was taken; the instance stops acting in the room
     * (and tells the room keeper, which leaves it) three quarters into the lease after the last successful statement
     * was sent, while the lease, which the database started no earlier, still runs: nobody else may have the room.
     */
    @Test
    void anInstanceThatCannotRenewStopsActingBeforeItsLeaseCanRunOut() throws Exception {
        when(table.take(ROOM, LEASE)).thenReturn(true);
        member.renew();
        when(table.renewAll(any())).thenThrow(new SQLTransientConnectionException("connection refused"));

        for (int renewal = 0; renewal < 2; renewal++) {
            advance(Duration.ofSeconds(2));
            member.renew();
        }
        advance(Duration.ofMillis(1999)); // 5.999 s after the take was sent
        member.checkFence();
        assertThat(member.admits(JidCreate.entityBareFrom(ROOM))).isTrue();
        assertThat(changes).hasValue(1);

        advance(Duration.ofMillis(1)); // 6 s = 3/4 of the 8 s lease
        assertThat(member.admits(JidCreate.entityBareFrom(ROOM))).as("checked before every action").isFalse();
        member.checkFence();
        assertThat(changes).as("the room keeper told to leave").hasValue(2);
        assertThat(Duration.ofNanos(nanos.get() - 5_000_000_000L)).isLessThan(LEASE);
    }

    /** A renewal that hangs (the database does not answer) is the same: the fence is checked on a thread of its own. */
    @Test
    void aFenceCheckAloneStopsActingWhenNoRenewalComesBack() throws Exception {
        when(table.take(ROOM, LEASE)).thenReturn(true);
        member.renew();

        advance(LEASE.minus(LEASE.dividedBy(4)));
        member.checkFence();

        assertThat(member.actingRooms()).isEmpty();
        assertThat(changes).hasValue(2);
    }

    @Test
    void aRoomOverTheShareIsDroppedAtOnceAndReleasedAtTheNextRenewalOnceLeft() throws Exception {
        String other = "other@muc.localhost";
        ClusterMember sharing = new ClusterMember(new ClusterSettings("a", LEASE, Duration.ofSeconds(2)), table,
                () -> List.of(ROOM, other), nanos::get);
        sharing.onChange(changes::incrementAndGet);
        when(table.renewAll(any())).thenReturn(Set.of(ROOM, other)); // held both, from before a restart
        when(table.liveInstances()).thenReturn(Set.of("a", "b"));     // b came up: one room each

        sharing.renew();
        assertThat(sharing.actingRooms()).as("stops acting in the room it gives up at once").containsExactly(ROOM);
        verify(table, never()).release(anyString());

        when(table.renewAll(any())).thenReturn(Set.of(ROOM));
        sharing.renew();
        verify(table).release(other);
        assertThat(sharing.actingRooms()).containsExactly(ROOM);
    }

    @Test
    void stoppingReleasesEveryLeaseAndLeavesTheLiveInstances() throws Exception {
        member.close();

        verify(table).leave();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
