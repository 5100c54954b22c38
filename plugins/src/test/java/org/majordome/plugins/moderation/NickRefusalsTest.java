package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.Role;
import org.majordome.plugins.testsupport.PluginSections;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestRoom;

/**
 * The nickname rule asked at the web chat's nick chooser ({@code NickCheck}): before this, a forbidden or look-alike
 * nick was only sanctioned once its owner was in the room.
 */
class NickRefusalsTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final String ANNEX = "annex@conference.example.org";

    private PluginTestKit kit;

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    private TestRoom start(String yaml) throws Exception {
        kit = PluginTestKit.builder()
                .plugin(new ModerationPlugin(), PluginSections.bind("moderation", ModerationConfig.class, yaml))
                .room(LOBBY, "moderation").roomWithoutPlugins(ANNEX).start();
        return kit.room(LOBBY);
    }

    @Test
    void aForbiddenOrLookAlikeNickWasOnlyActionedAfterTheVisitorJoinedNotRefusedAtTheChooser() throws Exception {
        TestRoom room = start("""
                words: {words: [spam*]}
                nicknames: {protected-nicks: [Founder]}
                """);
        room.join("Admin", Role.MODERATOR, Affiliation.ADMIN);

        assertThat(kit.nickRefusal(LOBBY, "spammer99")).hasValueSatisfying(reason ->
                assertThat(reason).contains("not allowed").contains("spam"));
        assertThat(kit.nickRefusal(LOBBY, "Аdmіn")).as("Cyrillic look-alike of a moderator present")
                .hasValueSatisfying(reason -> assertThat(reason).contains("imitates 'Admin'"));
        assertThat(kit.nickRefusal(LOBBY, "Fоundеr")).as("look-alike of a protected nick")
                .hasValueSatisfying(reason -> assertThat(reason).contains("Founder"));
        assertThat(kit.nickRefusal(LOBBY, "Ann")).isEmpty();
        // Asked only where the plugin is enabled; and asking records nothing.
        assertThat(kit.nickRefusal(ANNEX, "spammer99")).isEmpty();
        assertThat(room.actions()).isEmpty();
    }

    @Test
    void aRuleInDryRunOrTurnedOffRefusesNoNick() throws Exception {
        start("""
                words: {words: [spam*]}
                nicknames: {dry-run: true}
                """);
        assertThat(kit.nickRefusal(LOBBY, "spammer99")).isEqualTo(Optional.empty());
        kit.close();
        start("""
                words: {words: [spam*]}
                nicknames: {enabled: false}
                """);
        assertThat(kit.nickRefusal(LOBBY, "spammer99")).isEmpty();
    }
}
