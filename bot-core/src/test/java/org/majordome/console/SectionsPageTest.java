package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;
import org.majordome.api.console.ConsoleAction;
import org.majordome.api.console.ConsoleActionRequest;
import org.majordome.api.console.ConsoleDetail;
import org.majordome.api.console.ConsoleFilter;
import org.majordome.api.console.ConsoleOutcome;
import org.majordome.api.console.ConsoleQuery;
import org.majordome.api.console.ConsoleRow;
import org.majordome.api.console.ConsoleSection;

/** The generic page of plugins' console sections: escaping, and the operator's rooms checked on the server. */
class SectionsPageTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final String ANNEX = "annex@conference.example.org";
    private static final String HOSTILE = "<script>alert(1)</script>\" onmouseover=\"x";
    private static final Operator LOBBY_OWNER = new Operator("owner@example.org", false, Set.of(LOBBY));
    private static final Operator ADMIN = new Operator("root@example.org", true, Set.of());

    /** A section that lists a row in each room, whatever it is asked (the page must drop what is not visible). */
    private static final class FakeSection implements ConsoleSection {
        final List<ConsoleActionRequest> acted = new ArrayList<>();
        final List<String> detailsAsked = new ArrayList<>();

        @Override
        public String id() {
            return "cases";
        }

        @Override
        public String title(Locale language) {
            return "Cases";
        }

        @Override
        public List<ConsoleFilter> filters(Locale language) {
            return List.of(ConsoleFilter.text("room", "Room"), ConsoleFilter.text("offender", "Offender"));
        }

        @Override
        public List<String> columns(Locale language) {
            return List.of("Case", "Offender", "Reason");
        }

        @Override
        public List<ConsoleRow> list(ConsoleQuery query) {
            return List.of(new ConsoleRow(LOBBY, "1", List.of("lobby#1", HOSTILE, "reason " + HOSTILE)),
                    new ConsoleRow(ANNEX, "7", List.of("annex#7", "annex-offender", "secret annex reason")));
        }

        @Override
        public Optional<ConsoleDetail> detail(String room, String rowId, Locale language) {
            detailsAsked.add(room + "#" + rowId);
            return Optional.of(new ConsoleDetail("Case " + rowId, List.of(new ConsoleDetail.Field("Evidence", HOSTILE)),
                    List.of(new ConsoleAction("unban", "Undo: lift the ban", "Lift the ban of " + HOSTILE + "?"))));
        }

        @Override
        public CompletionStage<ConsoleOutcome> act(ConsoleActionRequest request) {
            acted.add(request);
            return CompletableFuture.completedFuture(ConsoleOutcome.done("Ban lifted (case lobby#2)"));
        }
    }

    private final FakeSection section = new FakeSection();
    private final SectionsPage page = page(section);

    private static SectionsPage page(ConsoleSection section) {
        SectionCatalog catalog = new SectionCatalog();
        catalog.forOwner("moderation").offer(section);
        return new SectionsPage(catalog);
    }

    private static ConsoleRequest request(Operator operator, String subPath, Map<String, String> params) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        params.forEach((name, value) -> multi.put(name, List.of(value)));
        return new ConsoleRequest(operator, subPath, multi, "token-123");
    }

    @Test
    void aHostileNickAndReasonInACaseRenderAsText() throws ConsoleDenied {
        String list = page.get(request(LOBBY_OWNER, "cases", Map.of())).toString();
        assertThat(list).doesNotContain("<script>").doesNotContain("\" onmouseover")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x");
        String detail = page.get(request(LOBBY_OWNER, "cases", Map.of("room", LOBBY, "row", "1"))).toString();
        assertThat(detail).doesNotContain("<script>").contains("&lt;script&gt;");
        String confirm = page.get(request(LOBBY_OWNER, "cases", Map.of("room", LOBBY, "row", "1", "action", "unban")))
                .toString();
        assertThat(confirm).doesNotContain("<script>").contains("Lift the ban of &lt;script&gt;")
                .contains("<input type=\"hidden\" name=\"csrf\" value=\"token-123\">")
                .contains("<form method=\"post\" action=\"/console/sections/cases\">");
    }

    @Test
    void aRoomOwnerSeesNoRowOfAnotherRoomEvenWhenTheSectionListsIt() throws ConsoleDenied {
        String list = page.get(request(LOBBY_OWNER, "cases", Map.of())).toString();
        assertThat(list).contains("lobby#1").doesNotContain("annex#7").doesNotContain("secret annex reason");
        assertThat(page.get(request(ADMIN, "cases", Map.of())).toString()).contains("annex#7");
    }

    @Test
    void aRoomOwnerGets403ForAnotherRoomsCaseAndAction() {
        assertThatThrownBy(() -> page.get(request(LOBBY_OWNER, "cases", Map.of("room", ANNEX, "row", "7"))))
                .isInstanceOfSatisfying(ConsoleDenied.class, denied -> assertThat(denied.status()).isEqualTo(403));
        assertThatThrownBy(() -> page.get(request(LOBBY_OWNER, "cases",
                Map.of("room", ANNEX, "row", "7", "action", "unban"))))
                .isInstanceOfSatisfying(ConsoleDenied.class, denied -> assertThat(denied.status()).isEqualTo(403));
        assertThatThrownBy(() -> page.post(request(LOBBY_OWNER, "cases",
                Map.of("room", ANNEX, "row", "7", "action", "unban"))))
                .isInstanceOfSatisfying(ConsoleDenied.class, denied -> assertThat(denied.status()).isEqualTo(403));
        assertThatThrownBy(() -> page.get(request(LOBBY_OWNER, "cases", Map.of("room", ANNEX))))
                .isInstanceOfSatisfying(ConsoleDenied.class, denied -> assertThat(denied.status()).isEqualTo(403));
        assertThat(section.acted).isEmpty();
        assertThat(section.detailsAsked).isEmpty();
    }

    @Test
    void anActionRunsForTheOperatorOnceConfirmedAndItsOutcomeShowsOnce() throws ConsoleDenied {
        String target = page.post(request(LOBBY_OWNER, "cases", Map.of("room", LOBBY, "row", "1", "action", "unban")));
        assertThat(section.acted).containsExactly(new ConsoleActionRequest("owner@example.org", LOBBY, "1", "unban"));
        assertThat(target).isEqualTo("sections/cases?outcome=1");
        assertThat(page.get(request(LOBBY_OWNER, "cases", Map.of("outcome", "1"))).toString())
                .contains("<p role=\"status\">Ban lifted (case lobby#2)</p>");
        assertThat(page.get(request(LOBBY_OWNER, "cases", Map.of("outcome", "1"))).toString())
                .doesNotContain("Ban lifted");
    }

    @Test
    void anActionTheRowDoesNotOfferIsRefused() {
        assertThatThrownBy(() -> page.post(request(LOBBY_OWNER, "cases",
                Map.of("room", LOBBY, "row", "1", "action", "destroy"))))
                .isInstanceOfSatisfying(ConsoleDenied.class, denied -> assertThat(denied.status()).isEqualTo(400));
        assertThat(section.acted).isEmpty();
    }

    @Test
    void anUnknownSectionIsA404AndTheIndexListsTheSections() throws ConsoleDenied {
        assertThatThrownBy(() -> page.get(request(ADMIN, "nothing", Map.of())))
                .isInstanceOfSatisfying(ConsoleDenied.class, denied -> assertThat(denied.status()).isEqualTo(404));
        assertThat(page.get(request(ADMIN, "", Map.of())).toString())
                .contains("<a href=\"/console/sections/cases\">Cases</a>");
    }

    @Test
    void theFiltersKeepTheirValuesEscaped() throws ConsoleDenied {
        String list = page.get(request(LOBBY_OWNER, "cases", Map.of("offender", HOSTILE))).toString();
        assertThat(list).contains("<label for=\"filter-offender\">Offender</label>")
                .contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x\"");
    }
}
