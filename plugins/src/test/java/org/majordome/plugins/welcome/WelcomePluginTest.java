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

    /** Greets each newcomer at once (no greeting delay): what each greeting says, without waiting. */
    private static WelcomeConfig config() {
        return config(Duration.ZERO);
    }

    /** A flood is more than 3 joins within 500 ms; the test clock stands still, so its joins are all within one. */
    private static WelcomeConfig config(Duration greetingDelay) {
        WelcomeConfig d = WelcomeConfig.defaults();
        return new WelcomeConfig("Welcome to {room}, {nick}! We are {count}. {rules}", "Welcome back, {nick}!",
                Delivery.PUBLIC, "Be kind.", Duration.ofMinutes(10), 3, Duration.ofMillis(500), d.floodSummary(),
                greetingDelay, d.settleAfterJoin(), Map.of(GARDEN, new RoomOverrides(
                        Optional.of("Hi {nick}, this is {room}."), Optional.empty(), Optional.of(Delivery.PRIVATE),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty())));
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

    /** With no greeting delay, the joins before a flood is clear are greeted one by one. */
    @Test
    void withoutAGreetingDelayAJoinFloodEndsWithOneSummaryForEveryoneNotGreeted() {
        TestRoom lobby = start(config());
        for (int i = 1; i <= 20; i++) {
            lobby.join("guest" + i, Role.PARTICIPANT);
        }

        await().atMost(Duration.ofSeconds(60))
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
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(lobby.botSaid()).contains("Welcome to the 2 newcomers!"));
        kit.clock().advance(Duration.ofSeconds(1));

        lobby.join("latecomer", Role.PARTICIPANT);

        assertThat(lobby.botSaid().getLast()).contains("latecomer");
    }

    /**
     * Issue 13 item 7: someone who joined within {@code settle-after-join} (2 s) of the bot's own join got no
     * greeting and was recorded as seen, so they were never greeted as a first-time visitor. Only the occupants of
     * the bot's own join snapshot (who get no join event) are not greeted.
     */
    @Test
    void aJoinWithinTwoSecondsOfTheBotsJoinIsGreetedAsAFirstTimer() {
        TestRoom lobby = start(config(Duration.ofMillis(300)));
        lobby.join("carol", Role.PARTICIPANT);
        await().atMost(Duration.ofSeconds(60)).until(() -> !lobby.botSaid().isEmpty());
        lobby.botLeaves(RoomLeftEvent.Reason.CONNECTION_LOST);
        lobby.botRejoins();
        lobby.clearActions();
        kit.clock().advance(Duration.ofSeconds(1));

        lobby.join(TestOccupant.nick("dave").role(Role.PARTICIPANT).realJid("dave@example.org"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(lobby.botSaid())
                .containsExactly("Welcome to The Lobby, dave! We are 2. Be kind."));
    }

    /** Issue 13 item 7: a burst as large as the flood threshold got one greeting per join. */
    @Test
    void aBurstOfJoinsAtTheFloodThresholdYieldsExactlyOneSummary() {
        TestRoom lobby = start(config(Duration.ofSeconds(2)));
        for (int i = 1; i <= 3; i++) {
            lobby.join("guest" + i, Role.PARTICIPANT);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(lobby.botSaid())
                .contains("Welcome to the 3 newcomers!"));
        assertThat(lobby.botSaid()).containsExactly("Welcome to the 3 newcomers!");
    }

    /** Issue 13 item 7: a join flood greeted its first joins one by one before the summary. */
    @Test
    void aJoinFloodYieldsExactlyOneSummaryAndNoGreetingOneByOne() {
        TestRoom lobby = start(config(Duration.ofSeconds(2)));
        for (int i = 1; i <= 20; i++) {
            lobby.join("guest" + i, Role.PARTICIPANT);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(lobby.botSaid())
                .contains("Welcome to the 20 newcomers!"));
        assertThat(lobby.botSaid()).containsExactly("Welcome to the 20 newcomers!");
    }

    @Test
    void rulesShowsTheRoomsRulesOrSaysThereAreNone() {
        WelcomeConfig noRulesInGarden = config();
        TestRoom lobby = start(new WelcomeConfig(noRulesInGarden.firstTime(), noRulesInGarden.returning(),
                Delivery.PUBLIC, "", Duration.ZERO, 3, Duration.ofSeconds(1), "", Duration.ZERO, Duration.ZERO,
                Map.of(LOBBY, new RoomOverrides(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of("No spam."), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()))));
        lobby.join("alice", Role.PARTICIPANT);
        kit.room(GARDEN).join("alice", Role.PARTICIPANT);
        lobby.clearActions();
        kit.room(GARDEN).clearActions();

        lobby.say("alice", "!rules");
        kit.room(GARDEN).say("alice", "!rules");

        assertThat(lobby.botSaid()).containsExactly("No spam.");
        assertThat(kit.room(GARDEN).botSaid()).containsExactly("No rules have been set for this room.");
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

    @Test
    void aGreetingDelayOutOfRangeIsReportedWithItsKey() {
        assertThatThrownBy(() -> PluginSections.bind("welcome", WelcomeConfig.class, """
                greeting-delay: 5m
                """)).isInstanceOf(ConfigBindingException.class).hasMessageContaining("greeting-delay");
        assertThatThrownBy(() -> PluginSections.bind("welcome", WelcomeConfig.class, """
                rooms:
                  lobby@conference.example.org:
                    greeting-delay: -1s
                """)).isInstanceOf(ConfigBindingException.class)
                .hasMessageContaining("rooms.lobby@conference.example.org.greeting-delay");
    }

    @Test
    void theGreetingDelayDefaultsToTwoSecondsAndBinds() throws Exception {
        assertThat(WelcomeConfig.defaults().greetingDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(PluginSections.bind("welcome", WelcomeConfig.class, "greeting-delay: 500ms\n").greetingDelay())
                .isEqualTo(Duration.ofMillis(500));
    }
}
