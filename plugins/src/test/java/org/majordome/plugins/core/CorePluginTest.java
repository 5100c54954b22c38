package org.majordome.plugins.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomLeftEvent;
import org.majordome.plugin.DiscoveredPlugin;
import org.majordome.plugin.PluginCatalog;
import org.majordome.plugin.PluginLoader;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.RoomAction.Replied;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

class CorePluginTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final String GARDEN = "garden@conference.example.org";
    private static final String BOSS = "boss@example.org";

    private final PluginTestKit kit = PluginTestKit.builder()
            .plugin(new CorePlugin("1.2.3"))
            .room(LOBBY)
            .room(GARDEN)
            .botAdmins(BOSS)
            .start();
    private final TestRoom lobby = kit.room(LOBBY);

    CorePluginTest() {
        lobby.join("alice", Role.PARTICIPANT);
        lobby.join(TestOccupant.nick("boss").role(Role.MODERATOR).realJid(BOSS));
    }

    @Test
    void pingAnswersPongWhereverItIsAsked() {
        lobby.say("alice", "!ping");
        lobby.sayPrivately("alice", "!ping");
        kit.directChat().receive("carol@example.org/laptop", "!ping");

        assertThat(lobby.actions()).startsWith(new Replied("alice", "pong"));
        assertThat(lobby.botSaid()).containsExactly("pong");
        assertThat(lobby.botSaidPrivatelyTo("alice")).containsExactly("pong");
        assertThat(kit.directChat().sentTo("carol@example.org")).containsExactly("pong");
    }

    @Test
    void aboutTellsVersionUptimeAndJoinedRooms() {
        kit.room(GARDEN).botLeaves(RoomLeftEvent.Reason.CONNECTION_LOST);
        kit.clock().advance(Duration.ofHours(26).plusMinutes(3).plusSeconds(59));

        lobby.say("alice", "!about");

        assertThat(lobby.botSaid()).containsExactly("Majordome 1.2.3 — up 1d 2h 3m — in 1 of 2 rooms.");
    }

    @Test
    void aboutRightAfterStartCountsSeconds() {
        kit.clock().advance(Duration.ofSeconds(42));
        lobby.say("alice", "!about");
        assertThat(lobby.botSaid()).containsExactly("Majordome 1.2.3 — up 42s — in 2 of 2 rooms.");
    }

    @Test
    void uptimeIsDescribedFromItsLargestUnit() {
        assertThat(CorePlugin.describe(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(CorePlugin.describe(Duration.ofHours(3))).isEqualTo("3h 0m");
        assertThat(CorePlugin.describe(Duration.ofDays(2).plusMinutes(1))).isEqualTo("2d 0h 1m");
    }

    @Test
    void roomsListsEveryRoomPrivatelyToABotAdmin() {
        kit.room(GARDEN).botLeaves(RoomLeftEvent.Reason.KICKED);

        lobby.say("boss", "!rooms");

        assertThat(lobby.botSaid()).as("nothing about other rooms in public").isEmpty();
        assertThat(lobby.botSaidPrivatelyTo("boss")).containsExactly("""
                Rooms (1 of 2 joined):
                lobby@conference.example.org — joined, 2 occupants besides the bot
                garden@conference.example.org — not joined""");
    }

    @Test
    void roomsWorksInADirectChatForABotAdmin() {
        kit.directChat().receive(BOSS + "/phone", "!rooms");
        assertThat(kit.directChat().sentTo(BOSS)).singleElement().asString()
                .startsWith("Rooms (2 of 2 joined):\n");
    }

    @Test
    void roomsIsRefusedToEveryoneElse() {
        lobby.join("owner", Role.MODERATOR, org.majordome.api.event.Affiliation.OWNER);
        lobby.say("owner", "!rooms");
        assertThat(lobby.botSaid()).containsExactly("Sorry, !rooms needs a bot admin.");
    }

    @Test
    void theVersionComesFromTheRuntimeJarOrSaysItIsADevelopmentBuild() {
        assertThat(CorePlugin.runtimeVersion()).satisfiesAnyOf(
                version -> assertThat(version).isEqualTo(CorePlugin.DEVELOPMENT_BUILD),
                version -> assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*"));
    }

    @Test
    void theCorePluginIsRegisteredAsABuiltIn() {
        try (PluginCatalog catalog = PluginLoader.load(CorePlugin.class.getClassLoader(), Optional.empty())) {
            assertThat(catalog.problems()).isEmpty();
            assertThat(catalog.plugin("core")).get().extracting(DiscoveredPlugin::origin).isEqualTo(DiscoveredPlugin.BUILT_IN);
            assertThat(catalog.plugin("core").orElseThrow().plugin()).isInstanceOf(CorePlugin.class);
        }
    }
}
