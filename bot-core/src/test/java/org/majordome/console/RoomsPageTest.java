package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.majordome.room.RoomView;

/** The rooms page shows an operator their rooms only, and refuses any other room, shown or acted on, with 403. */
class RoomsPageTest {

    private static final String A = "a@conference.example.org";
    private static final String B = "b@conference.example.org";
    private static final Operator ANN = new Operator("ann@example.org", false, Set.of(A));
    private static final Operator BOSS = new Operator("boss@example.org", true, Set.of());

    private final List<String> joins = new ArrayList<>();
    private final RoomsPage page = new RoomsPage(() -> List.of(RoomViews.ownedBy(A, "ann@example.org"),
            hostile(RoomViews.ownedBy(B, "bob@example.org"))), jid -> joins.add(jid));

    @Test
    void anOwnerSeesTheirRoomsOnly() throws Exception {
        String html = page.get(new ConsoleRequest(ANN, "", Map.of(), "t")).toString();

        assertThat(html).contains(A).contains("Subject of " + A).doesNotContain(B);
    }

    @Test
    void anOwnerOfRoomAIsRefusedRoomBWith403() {
        ConsoleDenied shown = catchThrowableOfType(ConsoleDenied.class,
                () -> page.get(new ConsoleRequest(ANN, B, Map.of(), "t")));
        ConsoleDenied acted = catchThrowableOfType(ConsoleDenied.class,
                () -> page.post(new ConsoleRequest(ANN, B, Map.of("action", List.of("join")), "t")));

        assertThat(shown.status()).isEqualTo(403);
        assertThat(acted.status()).isEqualTo(403);
        assertThat(joins).isEmpty();
    }

    @Test
    void anUnknownRoomIs403ForAnOwnerSoThatNothingLeaksAnd404ForABotAdmin() {
        String unknown = "nowhere@conference.example.org";

        assertThat(catchThrowableOfType(ConsoleDenied.class,
                () -> page.get(new ConsoleRequest(ANN, unknown, Map.of(), "t"))).status()).isEqualTo(403);
        assertThat(catchThrowableOfType(ConsoleDenied.class,
                () -> page.get(new ConsoleRequest(BOSS, unknown, Map.of(), "t"))).status()).isEqualTo(404);
    }

    @Test
    void aBotAdminSeesEveryRoomAndWhatComesFromXmppIsText() throws Exception {
        String html = page.get(new ConsoleRequest(BOSS, "", Map.of(), "t")).toString();
        String detail = page.get(new ConsoleRequest(BOSS, B, Map.of(), "t")).toString();

        assertThat(html).contains(A).contains(B).contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img");
        assertThat(detail).contains("&lt;b&gt;Mallory&lt;/b&gt;").doesNotContain("<b>");
    }

    @Test
    void theOwnerMayAskTheBotToJoinTheirRoomAgain() throws Exception {
        String next = page.post(new ConsoleRequest(ANN, A, Map.of("action", List.of("join")), "t"));

        assertThat(joins).containsExactly(A);
        assertThat(next).isEqualTo("rooms/" + A + "?done=joining");
    }

    private static RoomView hostile(RoomView room) {
        return new RoomView(room.status(), room.title(), Optional.of("<img src=x onerror=alert(1)>"),
                List.of(new org.majordome.api.event.Occupant("<b>Mallory</b>", Optional.empty(), Optional.empty(),
                        org.majordome.api.event.Role.PARTICIPANT, org.majordome.api.event.Affiliation.NONE)),
                room.declared(), room.managers(), room.configuration(), room.overlays(), room.lastActivity());
    }
}
