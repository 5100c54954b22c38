package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.room.RoomView;

/** Who may use the console, and which rooms each operator manages, decided from what holds now. */
class OperatorsTest {

    private final List<RoomView> rooms = new ArrayList<>(List.of(
            RoomViews.ownedBy("a@conference.example.org", "ann@example.org"),
            RoomViews.withManagers(RoomViews.ownedBy("b@conference.example.org", "bob@example.org"),
                    Set.of("carol@example.org"))));
    private final Operators operators = new Operators(() -> Set.of(jid("boss@example.org")), () -> rooms);

    @Test
    void aBotAdminManagesEveryRoom() {
        Operator boss = operators.of("boss@example.org").orElseThrow();

        assertThat(boss.botAdmin()).isTrue();
        assertThat(boss.mayManage("b@conference.example.org")).isTrue();
        assertThat(boss.mayManage("unknown@conference.example.org")).isTrue();
    }

    @Test
    void aDeclaredOwnerManagesTheirRoomOnly() {
        Operator ann = operators.of("ann@example.org").orElseThrow();

        assertThat(ann.botAdmin()).isFalse();
        assertThat(ann.rooms()).containsExactly("a@conference.example.org");
        assertThat(ann.mayManage("b@conference.example.org")).isFalse();
    }

    @Test
    void anOwnerOrAdminOnTheServersListsManagesTheRoomToo() {
        assertThat(operators.of("carol@example.org").orElseThrow().rooms()).containsExactly("b@conference.example.org");
    }

    @Test
    void someoneWhoManagesNothingMayNotUseTheConsole() {
        assertThat(operators.of("stranger@example.org")).isEmpty();
    }

    @Test
    void rightsAreReadAtEveryRequestSoARoomRemovedTakesThemAway() {
        assertThat(operators.of("ann@example.org")).isPresent();
        rooms.removeFirst();

        assertThat(operators.of("ann@example.org")).isEmpty();
    }

    @Test
    void aTypedJidIsNormalisedAndGarbageIsNoJid() {
        assertThat(Operators.bareJid("  Ann@Example.ORG ")).contains("ann@example.org");
        assertThat(Operators.bareJid("ann@example.org/phone")).contains("ann@example.org");
        assertThat(Operators.bareJid("example.org")).isEmpty();
        assertThat(Operators.bareJid("a@b@example.org")).isEmpty();
        assertThat(Operators.bareJid("not a jid")).isEmpty();
        assertThat(Operators.bareJid("")).isEmpty();
    }

    private static EntityBareJid jid(String text) {
        return JidCreate.entityBareFromOrThrowUnchecked(text);
    }
}
