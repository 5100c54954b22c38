package org.majordome.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.majordome.text.TextService;
import org.majordome.cluster.ClusterView;

/** Issue 21 item 6: the {@code status} command and {@code /health/cluster} list the cluster. */
class ClusterStatusTextTest {

    private static final Instant NOW = Instant.parse("2026-12-07T15:30:10Z");

    @Test
    void theStatusListsEachLiveInstanceWithItsRoomsAndLastRenewalAndTheRoomsNobodyHolds() {
        ClusterView view = new ClusterView("a", Set.of("r2@muc", "r1@muc"), true, List.of(
                new ClusterView.Member("a", NOW.minusMillis(1400), List.of("r1@muc", "r2@muc")),
                new ClusterView.Member("b", NOW.minusMillis(30), List.of("r3@muc"))), Set.of("r4@muc"));

        assertThat(ClusterStatusText.describe(view, NOW)).isEqualTo("""
                Cluster: instance a, acting in 2 rooms
                Live instances (2):
                  a (this one): 2 rooms, last renewal 1.4 s ago: r1@muc, r2@muc
                  b: 1 room, last renewal just now: r3@muc
                Rooms no live instance holds (1): r4@muc
                """);
    }

    @Test
    void anInstanceWhoseRenewalsFailSaysSoAndAnInstanceWithoutRoomsIsListed() {
        ClusterView view = new ClusterView("b", Set.of(), false, List.of(
                new ClusterView.Member("a", NOW.minusSeconds(12), List.of("r1@muc"))), Set.of());

        assertThat(ClusterStatusText.describe(view, NOW)).isEqualTo("""
                Cluster: instance b, acting in 0 rooms (its last renewal did not reach the database: it stops acting \
                in its rooms before their leases can run out)
                Live instances (1):
                  a: 1 room, last renewal 12.0 s ago: r1@muc
                """);
    }

    @Test
    void theStatusOfTheClusterIsInTheLanguageOfTheOneWhoAsked() {
        ClusterView view = new ClusterView("a", Set.of("r1@muc"), true, List.of(
                new ClusterView.Member("a", NOW.minusMillis(2400), List.of("r1@muc")),
                new ClusterView.Member("b", NOW.minusMillis(30), List.of())), Set.of("r4@muc"));

        assertThat(ClusterStatusText.describe(view, NOW, TextService.runtimeWording(Locale.FRENCH, ZoneOffset.UTC)))
                .isEqualTo("""
                        Cluster\u00a0: instance a, qui agit dans 1 salon
                        Instances actives (2)\u00a0:
                          a (celle-ci)\u00a0: 1 salon, dernier renouvellement il y a 2,4\u00a0s\u00a0: r1@muc
                          b\u00a0: 0 salon, dernier renouvellement à l’instant
                        Salons qu’aucune instance active ne tient (1)\u00a0: r4@muc
                        """);
    }
}
