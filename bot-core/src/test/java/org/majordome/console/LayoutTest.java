package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The frame of every page: landmarks, the navigation in the pages' order and for this operator, a logout form. */
class LayoutTest {

    private final RoomsPage rooms = new RoomsPage(List::of, jid -> false);
    private final ConfigPage config = new ConfigPage(() -> null, null);
    private final Layout layout = new Layout("/console", "Butler <3", List.of(config, rooms));

    @Test
    void theNavigationFollowsThePagesOrderAndOffersABotAdminEveryPage() {
        String html = layout.page(new Operator("boss@example.org", true, Set.of()), "T", rooms, "Rooms",
                Html.text("x")).toString();

        assertThat(html.indexOf(">Rooms</a>")).isLessThan(html.indexOf(">Configuration</a>"));
        assertThat(html).contains("<a href=\"/console/rooms\" aria-current=\"page\">Rooms</a>")
                .contains("<nav aria-label=\"Console\">").contains("<main><h1>Rooms</h1>")
                .contains("<form method=\"post\" action=\"/console/logout\"><input type=\"hidden\" name=\"csrf\" "
                        + "value=\"T\">")
                .contains("Butler &lt;3").doesNotContain("<script").doesNotContain("style=");
    }

    @Test
    void aRoomOwnerIsNotOfferedTheBotAdminsPages() {
        String html = layout.page(new Operator("ann@example.org", false, Set.of("a@conference.example.org")), "T",
                rooms, "Rooms", Html.empty()).toString();

        assertThat(html).contains(">Rooms</a>").doesNotContain("Configuration");
    }
}
