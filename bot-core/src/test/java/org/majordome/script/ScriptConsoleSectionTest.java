package org.majordome.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.console.ConsoleDenied;
import org.majordome.console.ConsoleRequest;
import org.majordome.console.Operator;
import org.majordome.console.SectionsPage;
import org.majordome.testkit.PluginTestKit;

/**
 * Scripts reach {@code PluginContext.consoleSections} as {@code bot.consoleSections.offer({...})}: a list with
 * filters, a detail and an action, run in a real GraalJS context through the console's own page. What the script
 * is handed is plain JavaScript data; what it answers is untrusted text, escaped; a section that throws or loops
 * fails its part of the page only.
 */
class ScriptConsoleSectionTest {

    private static final String HOSTILE = "<script>alert(1)</script>\" onmouseover=\"x";
    private static final Operator LOBBY_OWNER = new Operator("owner@example.org", false, Set.of(ScriptFixture.ROOM));
    private static final Operator ADMIN = new Operator("admin@example.org", true, Set.of());

    private static final String GREETINGS = """
            const greeted = [
              {room: '%1$s', id: '1', cells: ['Ann', '%3$s']},
              {room: '%2$s', id: '2', cells: ['Bob', 'secret of the other room']},
            ];
            let thanked = [];
            bot.consoleSections.offer({
              id: 'greetings',
              title: language => language.startsWith('fr') ? 'Accueils' : 'Greetings',
              columns: ['Who', 'What'],
              filters: [{name: 'who', label: 'Who', kind: 'text'}],
              list: query => greeted.filter(row => Object.getPrototypeOf(query) === Object.prototype
                      && query.getClass === undefined && Array.isArray(query.rooms))
                  .filter(row => query.allRooms || query.rooms.includes(row.room))
                  .filter(row => !query.filters.who || row.cells[0].includes(query.filters.who)),
              detail: (room, rowId, language) => {
                const row = greeted.find(r => r.room === room && r.id === rowId);
                return row ? {title: 'Greeting ' + rowId, fields: [{label: 'Said', value: row.cells[1]}],
                    actions: [{name: 'thank', label: 'Thank', confirmation: 'Thank ' + row.cells[1] + '?'}]} : null;
              },
              act: request => { if (request.getClass !== undefined) { throw new Error('a host object'); }
                  thanked.push(request.operator + ' ' + request.rowId);
                  return {done: true, message: 'Thanked by ' + thanked.join(', ')}; },
            });
            bot.consoleSections.offer({id: 'broken', title: 'Broken', columns: ['x'],
                list: query => { throw new Error('no rows today'); }});
            bot.consoleSections.offer({id: 'spinning', title: 'Spinning', columns: ['x'],
                list: query => { for (;;) {} }});
            """.formatted(ScriptFixture.ROOM, ScriptFixture.OTHER_ROOM, HOSTILE.replace("\"", "\\\""));

    @TempDir
    Path temp;
    private ScriptFixture scripts;

    @BeforeEach
    void setUp() throws Exception {
        scripts = new ScriptFixture(Files.createDirectory(temp.resolve("scripts")));
    }

    @AfterEach
    void tearDown() {
        scripts.close();
    }

    @Test
    void aScriptsSectionListsFiltersShowsAndActsWithItsTextEscaped() throws ConsoleDenied {
        scripts.write("greetings.js", GREETINGS);
        PluginTestKit kit = scripts.start(settings -> settings.withCallTimeLimit(Duration.ofMillis(500)));
        SectionsPage page = new SectionsPage(kit.consoleSections());

        assertThat(page.get(request(ADMIN, "", Map.of())).toString())
                .contains("<a href=\"/console/sections/greetings\">Greetings</a>");
        String list = page.get(request(LOBBY_OWNER, "greetings", Map.of())).toString();
        assertThat(list).contains("<h2>Greetings</h2>").contains("Ann").contains("<th scope=\"col\">What</th>")
                .doesNotContain("<script>").doesNotContain("\" onmouseover")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x")
                .doesNotContain("secret of the other room")
                .contains("<label for=\"filter-who\">Who</label>");
        assertThat(page.get(request(ADMIN, "greetings", Map.of("who", "Bo"))).toString())
                .contains("Bob").doesNotContain("Ann");
        String french = page.get(new ConsoleRequest(LOBBY_OWNER, "greetings", Map.of(), "token",
                java.util.Locale.FRENCH)).toString();
        assertThat(french).contains("<h2>Accueils</h2>");

        String detail = page.get(request(LOBBY_OWNER, "greetings", Map.of("room", ScriptFixture.ROOM, "row", "1")))
                .toString();
        assertThat(detail).contains("<h2>Greeting 1</h2>").contains("<dt>Said</dt>").doesNotContain("<script>")
                .contains("&lt;script&gt;");
        String confirm = page.get(request(LOBBY_OWNER, "greetings",
                Map.of("room", ScriptFixture.ROOM, "row", "1", "action", "thank"))).toString();
        assertThat(confirm).contains("Thank &lt;script&gt;").doesNotContain("<script>");

        page.post(request(LOBBY_OWNER, "greetings", Map.of("room", ScriptFixture.ROOM, "row", "1", "action", "thank")));
        assertThat(page.get(request(LOBBY_OWNER, "greetings", Map.of("outcome", "1"))).toString())
                .contains("<p role=\"status\">Thanked by owner@example.org 1</p>");
    }

    @Test
    void aScriptsSectionThatThrowsOrLoopsShowsItsFailureAndTheRestOfTheConsoleStillWorks() throws ConsoleDenied {
        scripts.write("greetings.js", GREETINGS);
        PluginTestKit kit = scripts.start(settings -> settings.withCallTimeLimit(Duration.ofMillis(500)));
        SectionsPage page = new SectionsPage(kit.consoleSections());

        String broken = page.get(request(ADMIN, "broken", Map.of())).toString();
        assertThat(broken).contains("<h2>Broken</h2>").contains("<p role=\"alert\">This section failed: ")
                .contains("no rows today");
        String spinning = page.get(request(ADMIN, "spinning", Map.of())).toString();
        assertThat(spinning).contains("<h2>Spinning</h2>").contains("<p role=\"alert\">This section failed: ")
                .contains("time limit");
        // The same script's other section still answers.
        assertThat(page.get(request(ADMIN, "greetings", Map.of())).toString()).contains("Bob");
    }

    @Test
    void aReloadedScriptsSectionIsReplacedAndARemovedOneWithdrawn() throws ConsoleDenied {
        scripts.write("greetings.js", GREETINGS);
        PluginTestKit kit = scripts.start();
        SectionsPage page = new SectionsPage(kit.consoleSections());

        scripts.write("greetings.js", """
                bot.consoleSections.offer({id: 'greetings', title: 'Greetings again', columns: ['Who'],
                    list: query => [{room: '%s', id: '9', cells: ['Zoe']}]});
                """.formatted(ScriptFixture.ROOM));

        await().atMost(Duration.ofSeconds(60)).until(() -> page.get(request(ADMIN, "greetings", Map.of())).toString()
                .contains("Zoe"));
        assertThat(kit.consoleSections().section("broken")).isEmpty();
    }

    /** The declarations scripts' editors read say what {@code bot.consoleSections.offer} takes. */
    @Test
    void theScriptDeclarationsDeclareConsoleSections() throws Exception {
        String declarations = Files.readString(Path.of("../scripts/majordome.d.ts"));
        assertThat(declarations).contains("consoleSections: {").contains("offer(section: ConsoleSection): void;");
    }

    private static ConsoleRequest request(Operator operator, String subPath, Map<String, String> params) {
        Map<String, List<String>> multi = new HashMap<>();
        params.forEach((name, value) -> multi.put(name, List.of(value)));
        return new ConsoleRequest(operator, subPath, multi, "token");
    }
}
