package org.majordome.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** How one instance shares the rooms with the others at a renewal. */
class LeasePlanTest {

    private static final List<String> TEN_ROOMS = IntStream.rangeClosed(1, 10).mapToObj(i -> "room" + i + "@muc").toList();

    @Test
    void aLoneInstanceTakesEveryFreeRoom() {
        LeasePlan plan = LeasePlan.decide(TEN_ROOMS, Map.of(), "a", Set.of(), 1);

        assertThat(plan.take()).containsExactlyInAnyOrderElementsOf(TEN_ROOMS);
        assertThat(plan.release()).isEmpty();
    }

    @Test
    void anInstanceTakesAtMostItsFairShareOfTheFreeRooms() {
        assertThat(LeasePlan.decide(TEN_ROOMS, Map.of(), "a", Set.of(), 3).take()).hasSize(4);
        assertThat(LeasePlan.decide(TEN_ROOMS, Map.of(), "a", Set.of("room1@muc", "room2@muc"), 3).take())
                .hasSize(2).doesNotContain("room1@muc", "room2@muc");
    }

    @Test
    void theFairShareIsRoundedUpSoThatTheLiveInstancesCanHoldEveryRoom() {
        assertThat(LeasePlan.fairShare(10, 3)).isEqualTo(4);
        assertThat(LeasePlan.fairShare(9, 3)).isEqualTo(3);
        assertThat(LeasePlan.fairShare(1, 3)).isEqualTo(1);
        assertThat(LeasePlan.fairShare(4, 0)).as("no live instance seen: this one").isEqualTo(4);
    }

    @Test
    void aRoomAnotherInstanceHoldsIsNeverTakenWhileItsLeaseRuns() {
        Map<String, LeaseTable.Lease> leases = Map.of("room1@muc", new LeaseTable.Lease("b", true),
                "room2@muc", new LeaseTable.Lease("b", true));

        LeasePlan plan = LeasePlan.decide(List.of("room1@muc", "room2@muc", "room3@muc"), leases, "a", Set.of(), 1);

        assertThat(plan.take()).containsExactly("room3@muc");
    }

    @Test
    void aRoomWhoseLeaseRanOutIsFreeAndSoIsOneThisInstanceHeldBeforeARestart() {
        Map<String, LeaseTable.Lease> leases = Map.of("room1@muc", new LeaseTable.Lease("b", false),
                "room2@muc", new LeaseTable.Lease("a", true));

        LeasePlan plan = LeasePlan.decide(List.of("room1@muc", "room2@muc"), leases, "a", Set.of(), 1);

        assertThat(plan.take()).containsExactlyInAnyOrder("room1@muc", "room2@muc");
    }

    @Test
    void anInstanceOverItsShareGivesUpOneRoomPerRenewalAndTakesNone() {
        Set<String> held = Set.copyOf(TEN_ROOMS.subList(0, 8));

        LeasePlan plan = LeasePlan.decide(TEN_ROOMS, Map.of(), "a", held, 2);

        assertThat(plan.release()).containsExactly("room8@muc");
        assertThat(plan.take()).isEmpty();
    }

    @Test
    void aRoomNoLongerDeclaredIsGivenUpAtOnce() {
        LeasePlan plan = LeasePlan.decide(List.of("room1@muc"), Map.of(), "a", Set.of("room1@muc", "gone@muc"), 1);

        assertThat(plan.release()).containsExactly("gone@muc");
        assertThat(plan.take()).isEmpty();
    }

    @Test
    void instancesTryTheFreeRoomsInOrdersOfTheirOwn() {
        List<String> a = LeasePlan.decide(TEN_ROOMS, Map.of(), "a", Set.of(), 2).take();
        List<String> b = LeasePlan.decide(TEN_ROOMS, Map.of(), "b", Set.of(), 2).take();

        assertThat(a).hasSize(5);
        assertThat(b).hasSize(5);
        assertThat(a).as("the same rooms in the same order would make every take a race").isNotEqualTo(b);
    }
}
