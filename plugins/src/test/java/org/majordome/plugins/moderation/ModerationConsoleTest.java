package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.console.ConsoleQuery;
import org.majordome.api.console.ConsoleRow;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.Role;
import org.majordome.console.ConsoleDenied;
import org.majordome.console.ConsoleRequest;
import org.majordome.console.Operator;
import org.majordome.console.SectionsPage;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.RoomAction;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

/**
 * The moderation plugin's console sections through the console's own page: cases with filters and evidence, pending
 * sanctions with their end, and undo (a ban lifted the way {@code !unban} lifts it), each undo a case naming the
 * operator; another room's cases and actions are a 403.
 */
class ModerationConsoleTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final String ANNEX = "annex@conference.example.org";
    private static final String HOSTILE = "<img/src=x/onerror=alert(1)>";
    private static final Operator LOBBY_OWNER = new Operator("owner@example.org", false, Set.of(LOBBY));
    private static final Operator ANNEX_OWNER = new Operator("annex-owner@example.org", false, Set.of(ANNEX));

    private PluginTestKit kit;
    private SectionsPage page;

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    private TestRoom start() {
        kit = PluginTestKit.builder().plugin(new ModerationPlugin(), ModerationConfig.defaults()).room(LOBBY).room(ANNEX)
                .start();
        kit.clock().set(Instant.now());
        page = new SectionsPage(kit.consoleSections());
        TestRoom room = kit.room(LOBBY);
        room.join(TestOccupant.nick("boss").role(Role.MODERATOR).affiliation(Affiliation.OWNER)
                .realJid("boss@example.org"));
        return room;
    }

    private static ConsoleRequest request(Operator operator, String subPath, Map<String, String> params) {
        Map<String, List<String>> multi = new HashMap<>();
        params.forEach((name, value) -> multi.put(name, List.of(value)));
        return new ConsoleRequest(operator, subPath, multi, "token");
    }

    @Test
    void aBanIsListedWithItsEndAndUndoingItFromTheConsoleLiftsItAndNamesTheOperator() throws ConsoleDenied {
        TestRoom room = start();
        room.join(TestOccupant.nick("raider").realJid("raider@evil.example"));
        room.say("boss", "!ban raider 1d spam");
        assertThat(room.actions()).contains(new RoomAction.Banned("raider@evil.example", "spam (case #1)"));

        String pending = page.get(request(LOBBY_OWNER, "sanctions", Map.of())).toString();
        assertThat(pending).contains("lobby#1").contains("raider (raider@evil.example)").contains("ban 24h")
                .doesNotContain("never (permanent)");
        String confirm = page.get(request(LOBBY_OWNER, "cases", Map.of("room", LOBBY, "row", "1", "action", "unban")))
                .toString();
        assertThat(confirm).contains("Lift the ban of raider@evil.example");

        room.clearActions();
        page.post(request(LOBBY_OWNER, "cases", Map.of("room", LOBBY, "row", "1", "action", "unban")));

        assertThat(room.actions()).contains(new RoomAction.Unbanned("raider@evil.example"));
        assertThat(page.get(request(LOBBY_OWNER, "cases", Map.of("outcome", "1"))).toString())
                .contains("Ban of raider@evil.example lifted (case lobby#2)");
        List<ConsoleRow> cases = kit.consoleSection("cases").orElseThrow().list(new ConsoleQuery(Map.of(), Set.of(LOBBY),
                false, 10));
        assertThat(cases.getFirst().cells()).contains("unban", "owner@example.org (console)");
        assertThat(page.get(request(LOBBY_OWNER, "sanctions", Map.of())).toString()).contains("Nothing matches.");
    }

    @Test
    void aHostileNickAndReasonInACaseRenderAsText() throws ConsoleDenied {
        TestRoom room = start();
        room.join(TestOccupant.nick(HOSTILE).realJid("hostile@evil.example"));
        room.say("boss", "!kick " + HOSTILE + " " + HOSTILE);
        String list = page.get(request(LOBBY_OWNER, "cases", Map.of())).toString();
        String kick = kit.consoleSection("cases").orElseThrow().list(new ConsoleQuery(Map.of("action", "kick"),
                Set.of(LOBBY), false, 10)).getFirst().id();
        String detail = page.get(request(LOBBY_OWNER, "cases", Map.of("room", LOBBY, "row", kick))).toString();
        assertThat(list + detail).doesNotContain("<img").contains("&lt;img/src=x/onerror=alert(1)&gt;");
        assertThat(detail).contains("<dt>Evidence</dt><dd>&lt;img/src=x/onerror=alert(1)&gt;</dd>");
    }

    @Test
    void anOwnerOfAnotherRoomGets403ForTheCaseAndItsUndo() {
        TestRoom room = start();
        room.join(TestOccupant.nick("raider").realJid("raider@evil.example"));
        room.say("boss", "!ban raider 1d spam");
        room.clearActions();
        for (Map<String, String> params : List.of(Map.of("room", LOBBY, "row", "1"),
                Map.of("room", LOBBY, "row", "1", "action", "unban"))) {
            assertThatThrownBy(() -> page.get(request(ANNEX_OWNER, "cases", params)))
                    .isInstanceOfSatisfying(ConsoleDenied.class, denied -> assertThat(denied.status()).isEqualTo(403));
        }
        assertThatThrownBy(() -> page.post(request(ANNEX_OWNER, "cases",
                Map.of("room", LOBBY, "row", "1", "action", "unban"))))
                .isInstanceOfSatisfying(ConsoleDenied.class, denied -> assertThat(denied.status()).isEqualTo(403));
        assertThat(room.actions()).isEmpty();
        assertThat(room.bannedJids()).contains("raider@evil.example");
    }

    @Test
    void theCasesFilterByOffenderRuleActionAndActor() throws ConsoleDenied {
        TestRoom room = start();
        room.join(TestOccupant.nick("alice").realJid("alice@example.org"));
        room.join(TestOccupant.nick("bob").realJid("bob@example.org"));
        room.say("boss", "!warn alice be nice");
        room.say("boss", "!kick bob rude");
        assertThat(page.get(request(LOBBY_OWNER, "cases", Map.of("offender", "alice"))).toString())
                .contains("lobby#1").doesNotContain("lobby#2");
        assertThat(page.get(request(LOBBY_OWNER, "cases", Map.of("action", "kick"))).toString())
                .contains("lobby#2").doesNotContain("lobby#1");
        assertThat(page.get(request(LOBBY_OWNER, "cases", Map.of("actor", "boss", "from", "2000-01-01"))).toString())
                .contains("lobby#1").contains("lobby#2");
        assertThat(page.get(request(LOBBY_OWNER, "cases", Map.of("to", "2000-01-01"))).toString())
                .contains("Nothing matches.");
    }
}
