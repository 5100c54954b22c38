package org.majordome.plugins.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.ConfigBindingException;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomLeftEvent;
import org.majordome.plugins.testsupport.PluginSections;
import org.majordome.plugins.welcome.WelcomeConfig.Delivery;
import org.majordome.plugins.welcome.WelcomeConfig.RoomOverrides;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

class WelcomePluginTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final String GARDEN = "garden@conference.example.org";

    private PluginTestKit kit;

    @AfterEach
    void closeKit() {
        if (kit != null) {
            kit.close();
        }
    }

    private static WelcomeConfig config() {
        WelcomeConfig d = WelcomeConfig.defaults();
        return new WelcomeConfig("Welcome to {room}, {nick}! We are {count}. {rules}", "Welcome back, {nick}!",
                Delivery.PUBLIC, "Be kind.", Duration.ofMinutes(10), 3, Duration.ofMillis(500), d.floodSummary(),
                Duration.ofSeconds(2), Map.of(GARDEN, new RoomOverrides(Optional.of("Hi {nick}, this is {room}."),
                        Optional.empty(), Optional.of(Delivery.PRIVATE), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));
    }

    private TestRoom start(WelcomeConfig config) {
        kit = PluginTestKit.builder().plugin(new WelcomePlugin(), config).room(LOBBY).room(GARDEN).start();
        kit.room(LOBBY).withTitle("The Lobby");
        return kit.room(LOBBY);
    }

    @Test
    void aFirstTimeVisitorGetsTheFirstTimeGreetingWithEveryPlaceholderFilled() {
        TestRoom lobby = start(config());
        lobby.join("bob", Role.PARTICIPANT);
        lobby.clearActions();

        lobby.join("alice", Role.PARTICIPANT);

        assertThat(lobby.botSaid()).containsExactly("Welcome to The Lobby, alice! We are 2. Be kind.");
    }

    @Test
    void aReturningVisitorAfterTheCooldownGetsTheReturningGreeting() {
        TestRoom lobby = start(config());
        lobby.join(TestOccupant.nick("alice").role(Role.PARTICIPANT).realJid("alice@example.org"));
        lobby.leave("alice");
        kit.clock().advance(Duration.ofMinutes(11));

        lobby.join(TestOccupant.nick("alice-laptop").role(Role.PARTICIPANT).realJid("alice@example.org"));

        assertThat(lobby.botSaid()).containsExactly("Welcome to The Lobby, alice! We are 1. Be kind.",
                "Welcome back, alice-laptop!");
    }

    @Test
    void visitorsAreRememberedPerRoom() {
        TestRoom lobby = start(config());
        lobby.join(TestOccupant.nick("alice").role(Role.PARTICIPANT).realJid("alice@example.org"));
        kit.clock().advance(Duration.ofHours(1));

        kit.room(GARDEN).join(TestOccupant.nick("alice").role(Role.PARTICIPANT).realJid("alice@example.org"));

        assertThat(kit.room(GARDEN).botSaidPrivatelyTo("alice")).as("first time in the garden")
                .containsExactly("Hi alice, this is garden.");
    }

    @Test
    void someoneBackWithinTheCooldownIsNotGreetedAgain() {
        TestRoom lobby = start(config());
        lobby.join(TestOccupant.nick("alice").role(Role.PARTICIPANT).occupantId("id-alice"));
        kit.clock().advance(Duration.ofHours(2));
        lobby.leave("alice");
        kit.clock().advance(Duration.ofMinutes(9));

        lobby.join(TestOccupant.nick("alice").role(Role.PARTICIPANT).occupantId("id-alice"));

        assertThat(lobby.botSaid()).as("the cooldown runs from the leave, not from the first join").hasSize(1);
    }

    @Test
    void aRoomOverrideCanSendTheGreetingPrivately() {
        start(config());
        TestRoom garden = kit.room(GARDEN);

        garden.join("carol", Role.PARTICIPANT);

        assertThat(garden.botSaid()).isEmpty();
        assertThat(garden.botSaidPrivatelyTo("carol")).containsExactly("Hi carol, this is garden.");
    }

    @Test
    void theBotIsNeverGreeted() {
        TestRoom lobby = start(config());
        lobby.join(TestRoom.BOT_NICK, Role.MODERATOR);
        assertThat(lobby.actions()).isEmpty();
    }

    @Test
    void joinsRightAfterTheBotRejoinedAreNotGreeted() {
        TestRoom lobby = start(config());
        lobby.botLeaves(RoomLeftEvent.Reason.CONNECTION_LOST);
        lobby.botRejoins();
        kit.clock().advance(Duration.ofSeconds(1));
        lobby.join("dave", Role.PARTICIPANT);
        kit.clock().advance(Duration.ofSeconds(2));
        lobby.join("erin", Role.PARTICIPANT);

        assertThat(lobby.botSaid()).singleElement().asString().contains("erin");
    }

    @Test
    void aJoinFloodEndsWithOneSummaryForEveryoneNotGreeted() {
        TestRoom lobby = start(config());
        for (int i = 1; i <= 20; i++) {
            lobby.join("guest" + i, Role.PARTICIPANT);
        }

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(lobby.botSaid()).contains("Welcome to the 17 newcomers!"));
        assertThat(lobby.botSaid()).as("three greetings before the flood was clear, then one summary")
                .hasSize(4).allMatch(text -> !text.contains("guest4"));
    }

    @Test
    void afterAFloodGreetingsResume() {
        TestRoom lobby = start(config());
        for (int i = 1; i <= 5; i++) {
            lobby.join("guest" + i, Role.PARTICIPANT);
        }
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(lobby.botSaid()).contains("Welcome to the 2 newcomers!"));
        kit.clock().advance(Duration.ofSeconds(1));

        lobby.join("latecomer", Role.PARTICIPANT);

        assertThat(lobby.botSaid().getLast()).contains("latecomer");
    }

    @Test
    void rulesShowsTheRoomsRulesOrSaysThereAreNone() {
        WelcomeConfig noRulesInGarden = config();
        TestRoom lobby = start(new WelcomeConfig(noRulesInGarden.firstTime(), noRulesInGarden.returning(),
                Delivery.PUBLIC, "", Duration.ZERO, 3, Duration.ofSeconds(1), "", Duration.ZERO,
                Map.of(LOBBY, new RoomOverrides(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of("No spam."), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()))));
        lobby.join("alice", Role.PARTICIPANT);
        kit.room(GARDEN).join("alice", Role.PARTICIPANT);
        lobby.clearActions();
        kit.room(GARDEN).clearActions();

        lobby.say("alice", "!rules");
        kit.room(GARDEN).say("alice", "!rules");

        assertThat(lobby.botSaid()).containsExactly("No spam.");
        assertThat(kit.room(GARDEN).botSaid()).containsExactly(WelcomePlugin.NO_RULES);
    }

    @Test
    void theDocumentedYamlBindsWithOverridesForOneRoom() throws Exception {
        WelcomeConfig bound = PluginSections.bind("welcome", WelcomeConfig.class, """
                delivery: public
                rejoin-cooldown: 5m
                rooms:
                  Lobby@conference.example.org:
                    first-time: "Hello {nick}, read the rules with !rules."
                    delivery: private
                    rules: "Be kind. No spam."
                """);

        assertThat(bound.rejoinCooldown()).isEqualTo(Duration.ofMinutes(5));
        assertThat(bound.firstTime()).isEqualTo(WelcomeConfig.defaults().firstTime());
        WelcomeConfig lobby = bound.forRoom(LOBBY);
        assertThat(lobby.delivery()).isEqualTo(Delivery.PRIVATE);
        assertThat(lobby.rules()).isEqualTo("Be kind. No spam.");
        assertThat(lobby.rejoinCooldown()).isEqualTo(Duration.ofMinutes(5));
        assertThat(bound.forRoom(GARDEN)).isEqualTo(bound);
    }

    @Test
    void aBadOverrideIsReportedWithItsRoom() {
        assertThatThrownBy(() -> PluginSections.bind("welcome", WelcomeConfig.class, """
                rooms:
                  lobby@conference.example.org:
                    flood-joins: 0
                """)).isInstanceOf(ConfigBindingException.class)
                .hasMessageContaining("rooms.lobby@conference.example.org.flood-joins");
    }
}
