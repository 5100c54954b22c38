package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.Role;
import org.majordome.console.ConsoleRequest;
import org.majordome.console.Operator;
import org.majordome.console.SectionsPage;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

/**
 * The moderation plugin's console sections in the operator's language: titles, columns, filters, field labels,
 * actions, confirmations and outcomes come from the plugin's bundles, and a hostile nick is still text.
 */
class ConsoleInFrenchTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final String HOSTILE = "<img/src=x/onerror=alert(1)>";
    private static final Operator OWNER = new Operator("owner@example.org", false, Set.of(LOBBY));

    private PluginTestKit kit;

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    private static ConsoleRequest french(String subPath, Map<String, String> params) {
        Map<String, List<String>> multi = new HashMap<>();
        params.forEach((name, value) -> multi.put(name, List.of(value)));
        return new ConsoleRequest(OWNER, subPath, multi, "token", Locale.FRENCH);
    }

    @Test
    void theCasesSectionIsFrenchForAFrenchOperatorAndHostileTextStaysText() throws Exception {
        kit = PluginTestKit.builder().plugin(new ModerationPlugin(), ModerationConfig.defaults()).room(LOBBY).start();
        kit.clock().set(Instant.now());
        SectionsPage page = new SectionsPage(kit.consoleSections());
        TestRoom room = kit.room(LOBBY);
        room.join(TestOccupant.nick("boss").role(Role.MODERATOR).affiliation(Affiliation.OWNER)
                .realJid("boss@example.org"));
        room.join(TestOccupant.nick(HOSTILE).realJid("raider@evil.example"));
        room.say("boss", "!ban " + HOSTILE + " 1d spam");

        String index = page.get(french("", Map.of())).toString();
        String list = page.get(french("cases", Map.of())).toString();
        String pending = page.get(french("sanctions", Map.of())).toString();
        String detail = page.get(french("cases", Map.of("room", LOBBY, "row", "1"))).toString();
        String confirm = page.get(french("cases", Map.of("room", LOBBY, "row", "1", "action", "unban"))).toString();

        assertThat(index).contains("Dossiers").contains("Sanctions en cours");
        assertThat(list).contains("<h2>Dossiers</h2>").contains("Personne en cause").contains("Du (jour UTC)")
                .contains(">Filtrer</button>").contains("Date (heure du salon)").doesNotContain("Offender");
        assertThat(pending).contains("Fin (heure du salon)").contains("en vigueur").contains(">tous</option>");
        assertThat(detail).contains("<h2>Dossier lobby#1</h2>").contains("<dt>Preuves</dt>")
                .contains("Annuler\u00a0: lever le bannissement").contains("Retour à «\u00a0Dossiers\u00a0»")
                .doesNotContain("Evidence");
        assertThat(confirm).contains("Lever maintenant le bannissement de raider@evil.example")
                .contains("Confirmer\u00a0: Annuler\u00a0: lever le bannissement");
        assertThat(list + detail + pending).doesNotContain("<img").contains("&lt;img/src=x/onerror=alert(1)&gt;");

        page.post(french("cases", Map.of("room", LOBBY, "row", "1", "action", "unban")));
        assertThat(page.get(french("cases", Map.of("outcome", "1"))).toString())
                .contains("Bannissement de raider@evil.example levé (dossier lobby#2)");
    }
}
