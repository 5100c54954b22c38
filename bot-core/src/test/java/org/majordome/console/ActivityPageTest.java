package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.activity.ActivityCounter;
import org.majordome.store.ActivityTable;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;

/**
 * The activity page: an SVG chart with presentation attributes only (the console's policy forbids inline style and
 * script), a text table of the same numbers, and the operator's rooms only.
 */
class ActivityPageTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final String ANNEX = "annex@conference.example.org";
    private static final Instant NOW = Instant.parse("2026-12-07T12:30:00Z");

    @TempDir
    Path dataDirectory;

    private Database database;
    private ActivityPage page;

    @BeforeEach
    void start() {
        database = Database.open(DatabaseSettings.embedded(dataDirectory));
        long hour = ActivityCounter.epochHour(NOW);
        new ActivityTable(database).add(List.of(new ActivityTable.Row(LOBBY, hour - 30, 42, 3),
                new ActivityTable.Row(ANNEX, hour - 2, 999, 7)));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        page = new ActivityPage(new ActivityCounter(new ActivityTable(database), clock, false), clock);
    }

    @AfterEach
    void stop() {
        database.close();
    }

    private static ConsoleRequest request(Operator operator, Map<String, String> params) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        params.forEach((name, value) -> multi.put(name, List.of(value)));
        return new ConsoleRequest(operator, "", multi, "token");
    }

    @Test
    void theChartIsInlineSvgWithoutStyleOrScriptAndTheNumbersAreATable() throws ConsoleDenied {
        String html = page.get(request(new Operator("owner@example.org", false, Set.of(LOBBY)), Map.of())).toString();
        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
                .contains("<title id=\"chart-messages\">Messages per hour</title>").contains("fill=\"#3b6ea5\"")
                .doesNotContain("style=").doesNotContain("<script").doesNotContain("<style");
        assertThat(html).contains("<caption>Hours with activity (UTC)</caption>")
                .contains("<td>2026-12-06 06:00 UTC</td><td>42</td><td>3</td>")
                .doesNotContain("999");
    }

    @Test
    void aBotAdminSeesEveryRoomAndAnOwnerGets403ForAnotherRoom() throws ConsoleDenied {
        assertThat(page.get(request(new Operator("root@example.org", true, Set.of()), Map.of())).toString())
                .contains("<td>999</td>");
        assertThatThrownBy(() -> page.get(request(new Operator("owner@example.org", false, Set.of(LOBBY)),
                Map.of("room", ANNEX))))
                .isInstanceOfSatisfying(ConsoleDenied.class, denied -> assertThat(denied.status()).isEqualTo(403));
    }
}
