package org.majordome.plugins.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomLeftEvent;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

/**
 * Issue 20: the core plugin and the runtime's own answers in a French room, to French speakers in an English
 * room, and back to English for those who declare it. French typography: a no-break space before {@code : ; ! ?}.
 */
class CorePluginInFrenchTest {

    private static final String SALON = "salon@conference.example.org";
    private static final String LOBBY = "lobby@conference.example.org";
    private static final String BOSS = "boss@example.org";
    private static final String NBSP = "\u00a0";

    private final PluginTestKit kit = PluginTestKit.builder()
            .plugin(new CorePlugin("1.2.3"))
            .room(SALON)
            .room(LOBBY)
            .botAdmins(BOSS)
            .start();
    private final TestRoom salon = kit.room(SALON).withLanguage(Locale.FRENCH);
    private final TestRoom lobby = kit.room(LOBBY);

    CorePluginInFrenchTest() {
        salon.join("alice", Role.PARTICIPANT);
        salon.join(TestOccupant.nick("boss").role(Role.MODERATOR).realJid(BOSS));
        lobby.join("amelie", Role.PARTICIPANT);
        lobby.join("bob", Role.PARTICIPANT);
    }

    @Test
    void aboutInAFrenchRoomCountsInFrench() {
        kit.clock().advance(Duration.ofDays(1).plusHours(2).plusMinutes(3));
        kit.room(LOBBY).botLeaves(RoomLeftEvent.Reason.KICKED);

        salon.say("alice", "!about");

        assertThat(salon.botSaid()).containsExactly(
                "Majordome 1.2.3 — en service depuis 1" + NBSP + "j 2" + NBSP + "h 3" + NBSP + "min — présent dans 1 salon sur 2.");
    }

    @Test
    void zeroIsSingularInFrenchAndPluralInEnglish() {
        kit.room(SALON).botLeaves(RoomLeftEvent.Reason.KICKED);
        kit.room(LOBBY).botLeaves(RoomLeftEvent.Reason.KICKED);
        kit.directChat().declaresLanguage("jean@example.org/pc", "fr");

        kit.directChat().receive("jean@example.org/pc", "!about");
        kit.directChat().receive("john@example.org/pc", "!about");

        assertThat(kit.directChat().sentTo("jean@example.org")).singleElement().asString()
                .endsWith("présent dans 0 salon sur 2.");
        assertThat(kit.directChat().sentTo("john@example.org")).singleElement().asString().endsWith("in 0 of 2 rooms.");
    }

    @Test
    void roomsIsListedInFrenchPrivately() {
        salon.say("boss", "!rooms");

        assertThat(salon.botSaidPrivatelyTo("boss")).containsExactly("""
                Salons (2 rejoints sur 2)\u00a0:
                salon@conference.example.org — rejoint, 2 occupants en plus du bot
                lobby@conference.example.org — rejoint, 2 occupants en plus du bot""");
    }

    @Test
    void aPrivateAnswerInAnEnglishRoomFollowsTheSendersDeclaredLanguage() {
        lobby.declaresLanguage("amelie", "fr-FR");

        lobby.sayPrivately("amelie", "!frobnicate");
        lobby.sayPrivately("bob", "!frobnicate");

        assertThat(lobby.botSaidPrivatelyTo("amelie"))
                .containsExactly("Commande inconnue" + NBSP + ": !frobnicate. Envoyez !help pour en avoir la liste.");
        assertThat(lobby.botSaidPrivatelyTo("bob")).containsExactly("Unknown command !frobnicate. Send !help for the list.");
    }

    @Test
    void aRoomAnswerFollowsTheRoomNotTheSender() {
        lobby.declaresLanguage("amelie", "fr");

        lobby.say("amelie", "!ping");
        salon.say("alice", "!rooms");

        assertThat(lobby.botSaid()).containsExactly("pong");
        assertThat(salon.botSaid()).containsExactly("Désolé, !rooms est réservé aux administrateurs du bot.");
    }

    @Test
    void helpIsInTheRoomsLanguageWithThePluginsTranslatedDescriptions() {
        salon.say("alice", "!help");
        salon.say("alice", "!help rooms");

        assertThat(salon.botSaid()).containsExactly("""
                Commandes que vous pouvez utiliser ici\u00a0:
                !help [commande] — Décrit une commande.
                !about — Donne la version du bot et son état.
                !ping — Vérifie que le bot est en vie.""", "Commande inconnue\u00a0: !rooms. Envoyez !help pour en avoir la liste.");
    }

    @Test
    void aKeeperReplacesATextInTheirRoomsLanguageOnly() {
        PluginTestKit keeper = PluginTestKit.builder()
                .plugin(new CorePlugin("1.2.3"))
                .room(SALON)
                .language(Locale.FRENCH)
                .text(SALON, "core", "pong", "Présent\u00a0!")
                .start();
        TestRoom room = keeper.room(SALON);
        room.join("alice", Role.PARTICIPANT);
        room.join("bob", Role.PARTICIPANT);
        room.declaresLanguage("bob", "en");

        room.say("alice", "!ping");
        room.sayPrivately("bob", "!ping");

        assertThat(room.botSaid()).containsExactly("Présent\u00a0!");
        assertThat(room.botSaidPrivatelyTo("bob")).as("bob reads English, which the keeper did not write")
                .containsExactly("pong");
        keeper.close();
    }
}
