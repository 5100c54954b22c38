/**
 * Several instances of one bot, one PostgreSQL: each room kept by exactly one instance at a time (the
 * {@code cluster:} section; absent, nothing here runs and the bot keeps every room alone).
 *
 * <p>{@code LeaseTable}: one lease per room ({@code room_lease}: room, holder instance, expiry) and one heartbeat per
 * instance ({@code cluster_instance}), each change a single atomic statement, a compare-and-set on holder and expiry
 * timed by the database's clock ({@code now()}), never an instance's. {@code LeasePlan}: what an instance does at a
 * renewal (take free rooms up to its fair share, rooms / live instances rounded up; give one room up per renewal
 * when it holds more; never take a running lease), pure. {@code Fence}: the rooms an instance may act in, those
 * whose lease it holds and last renewed less than the lease less a quarter ago on its monotonic clock, so that an
 * instance that cannot renew (database unreachable, process paused) has stopped acting before any other can take a
 * room over. {@link org.majordome.cluster.ClusterMember} runs the renewals (and one more as soon as another instance's
 * lease runs out by the database's clock, which only a dead or frozen instance's does: its rooms move then, not at
 * the next renewal) and the fence checks on two threads and is
 * the room keeper's {@link org.majordome.room.RoomAdmission}: the room package joins only admitted rooms, leaves the
 * ones no longer admitted, hands nothing to plugins and takes no action in a room it may not act in.
 * {@link org.majordome.cluster.ClusterView} is what an operator is shown (the {@code status} command, health and
 * metrics): the rooms this instance acts in now, and each live instance with its rooms and last renewal as the
 * database showed them at this instance's last renewal (no statement of its own: a status never waits on the
 * database).
 *
 * <p>Each instance logs in with its instance name as the resource. Quartz's persistent scheduler runs clustered
 * (JDBC job store shared, one firing per trigger in the cluster), and {@link
 * org.majordome.cluster.ClusterMember#holds(String)} tells it which rooms' jobs this instance carries out (a room's
 * job fired elsewhere is handed over to the holder: {@code org.majordome.schedule.RoomHandoff}); in-memory jobs run
 * on every instance and act only where the room handle says the bot is joined, which only the holder is.
 *
 * <p>May use {@code config} (the settings), {@code room} (the admission it implements) and JDBC; the {@code app}
 * package wires it.
 */
package org.majordome.cluster;
