package org.majordome.plugins.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.NoConfig;
import org.majordome.api.OnEvent;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.admin.AdminRequest;
import org.majordome.api.admin.AdminResult;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.GateFailedEvent;
import org.majordome.api.event.GatePassedEvent;
import org.majordome.api.event.RoomEvent;
import org.majordome.api.event.Role;
import org.majordome.api.room.Feature;
import org.majordome.api.storage.ValueCodec;
import org.majordome.plugins.gate.GateConfig.Check;
import org.majordome.plugins.gate.GateConfig.Question;
import org.majordome.testing.CapturedLog;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.RoomAction;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

/**
 * The gate's decisions over a scripted room (issue 17 item 3): who is gated, what they are told, answers, tries, the
 * wait, who skips, and what a join flood costs. The room's refusal of a visitor's message is the server's; the IT
 * shows it.
 */
class GatePluginTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final Question SKY = new Question("What colour is a clear sky?", List.of("blue", "Bleu clair"));

    private final GatePlugin gate = new GatePlugin();
    private final Recorder recorder = new Recorder();
    private PluginTestKit kit;

    @AfterEach
    void closeKit() {
        if (kit != null) {
            kit.close();
        }
    }

    private static GateConfig config(Check check, Duration wait) {
        return config(check, wait, 200, 20);
    }

    private static GateConfig config(Check check, Duration wait, int maxWaiting, int messagesPerMinute) {
        GateConfig d = GateConfig.defaults();
        return new GateConfig(check, wait, 3, List.of(SKY), maxWaiting, messagesPerMinute, d.waitText(),
                "Answer privately: {question}", "Answer privately: {question} and wait {wait}.", "Right; wait {wait}.",
                "You may speak in {room} now.", "Wrong; {tries} left.", "Wrong again: you stay voiceless.", Map.of());
    }

    private TestRoom start(GateConfig config) {
        kit = PluginTestKit.builder().plugin(gate, config).plugin(recorder).room(LOBBY).start();
        return kit.room(LOBBY);
    }

    private static TestOccupant vera() {
        return TestOccupant.nick("vera").role(Role.VISITOR).realJid("vera@example.org");
    }

    @Test
    void aNewcomerIsToldOnceAndGetsVoiceOnlyForTheRightAnswer() {
        TestRoom lobby = start(config(Check.QUESTION, Duration.ZERO));

        lobby.join(vera());

        assertThat(lobby.botSaidPrivatelyTo("vera")).containsExactly("Answer privately: What colour is a clear sky?");
        assertThat(lobby.actions()).noneMatch(RoomAction.VoiceGranted.class::isInstance);
        assertThat(lobby.botSaid()).as("nothing said to the room").isEmpty();

        lobby.sayPrivately("vera", "  BLUE! ");

        assertThat(lobby.actions()).contains(new RoomAction.VoiceGranted("vera"));
        assertThat(lobby.botSaidPrivatelyTo("vera")).last().isEqualTo("You may speak in lobby now.");
        assertThat(recorder.events).singleElement().isInstanceOfSatisfying(GatePassedEvent.class, passed -> {
            assertThat(passed.how()).isEqualTo("answered");
            assertThat(passed.occupant().nick()).isEqualTo("vera");
        });
    }

    @Test
    void answersIgnoreCaseAccentsAndPunctuation() {
        TestRoom lobby = start(config(Check.QUESTION, Duration.ZERO));
        lobby.join(vera());

        lobby.sayPrivately("vera", "BLÉU   Clair.");

        assertThat(lobby.actions()).contains(new RoomAction.VoiceGranted("vera"));
    }

    @Test
    void threeWrongAnswersLeaveTheVisitorVoicelessAndTellThem() {
        TestRoom lobby = start(config(Check.QUESTION, Duration.ZERO));
        lobby.join(vera());

        lobby.sayPrivately("vera", "green");
        lobby.sayPrivately("vera", "red");
        lobby.sayPrivately("vera", "purple");
        lobby.sayPrivately("vera", "blue");

        assertThat(lobby.botSaidPrivatelyTo("vera")).containsExactly("Answer privately: What colour is a clear sky?",
                "Wrong; 2 left.", "Wrong; 1 left.", "Wrong again: you stay voiceless.");
        assertThat(lobby.actions()).noneMatch(RoomAction.VoiceGranted.class::isInstance);
        assertThat(recorder.events).singleElement().isInstanceOfSatisfying(GateFailedEvent.class,
                failed -> assertThat(failed.tries()).isEqualTo(3));

        lobby.leave("vera");
        lobby.clearActions();
        lobby.join(vera().role(Role.PARTICIPANT));

        assertThat(lobby.actions()).as("back later: voiceless, and not told again")
                .containsExactly(new RoomAction.VoiceRevoked("vera"));
    }

    @Test
    void leavingAndComingBackGivesNoNewTries() {
        TestRoom lobby = start(config(Check.QUESTION, Duration.ZERO));
        lobby.join(vera());
        lobby.sayPrivately("vera", "green");
        lobby.sayPrivately("vera", "red");
        lobby.leave("vera");

        lobby.join(vera());
        lobby.sayPrivately("vera", "purple");

        assertThat(lobby.botSaidPrivatelyTo("vera")).last().isEqualTo("Wrong again: you stay voiceless.");
    }

    @Test
    void aNewcomerWaitsTheWaitTimeThenGetsVoice() {
        TestRoom lobby = start(config(Check.WAIT, Duration.ofMinutes(5)));
        lobby.join(vera());
        assertThat(lobby.botSaidPrivatelyTo("vera")).singleElement().asString().contains("after 5 minutes");

        kit.clock().advance(Duration.ofMinutes(4));
        gate.letInWhoWaited(LOBBY);
        assertThat(lobby.actions()).noneMatch(RoomAction.VoiceGranted.class::isInstance);
        assertThat(kit.scheduler("gate").room(LOBBY).job(GatePlugin.WAIT_JOB)).as("the sweep is armed").isPresent();

        kit.clock().advance(Duration.ofMinutes(1));
        gate.letInWhoWaited(LOBBY);
        assertThat(lobby.actions()).contains(new RoomAction.VoiceGranted("vera"));
        assertThat(recorder.events).singleElement().isInstanceOfSatisfying(GatePassedEvent.class,
                passed -> assertThat(passed.how()).isEqualTo("waited"));
        assertThat(kit.scheduler("gate").room(LOBBY).job(GatePlugin.WAIT_JOB)).as("nobody waits: no sweep").isEmpty();
    }

    @Test
    void bothNeedsTheAnswerAndTheWait() {
        TestRoom lobby = start(config(Check.BOTH, Duration.ofMinutes(5)));
        lobby.join(vera());

        lobby.sayPrivately("vera", "blue");
        assertThat(lobby.botSaidPrivatelyTo("vera")).last().isEqualTo("Right; wait 5 minutes.");
        kit.clock().advance(Duration.ofMinutes(5));
        lobby.join(TestOccupant.nick("walt").role(Role.VISITOR).realJid("walt@example.org"));
        gate.letInWhoWaited(LOBBY);

        assertThat(lobby.actions()).contains(new RoomAction.VoiceGranted("vera"))
                .doesNotContain(new RoomAction.VoiceGranted("walt"));
    }

    @Test
    void membersAdminsOwnersAndModeratorsAreNeverGated() {
        TestRoom lobby = start(config(Check.QUESTION, Duration.ZERO));

        lobby.join("mia", Role.PARTICIPANT, Affiliation.MEMBER);
        lobby.join("ada", Role.MODERATOR, Affiliation.ADMIN);
        lobby.join("oscar", Role.MODERATOR, Affiliation.OWNER);
        lobby.join("mod", Role.MODERATOR, Affiliation.NONE);

        assertThat(lobby.actions()).isEmpty();
    }

    @Test
    void aKnownVisitorSkipsTheGateAndIsGivenVoiceInAModeratedRoom() {
        TestRoom lobby = start(config(Check.QUESTION, Duration.ZERO));
        // What an earlier run of the bot stored: passes outlive restarts in the plugin's storage.
        kit.storage("gate").room(LOBBY).put(GatePlugin.PASSED + "jid:vera@example.org", kit.clock().instant(),
                ValueCodec.INSTANT);

        lobby.join(vera());

        assertThat(lobby.actions()).containsExactly(new RoomAction.VoiceGranted("vera"));
    }

    @Test
    void aPassIsRememberedForTheNextVisit() {
        TestRoom lobby = start(config(Check.QUESTION, Duration.ZERO));
        lobby.join(vera());
        lobby.sayPrivately("vera", "blue");
        lobby.leave("vera");
        lobby.clearActions();

        lobby.join(vera());

        assertThat(lobby.actions()).containsExactly(new RoomAction.VoiceGranted("vera"));
    }

    @Test
    void aVisitorKnownOnlyByNickIsGatedOnEveryVisit() {
        TestRoom lobby = start(config(Check.QUESTION, Duration.ZERO));
        lobby.withoutFeature(Feature.OCCUPANT_IDS);
        lobby.join("nico", Role.VISITOR);
        lobby.sayPrivately("nico", "blue");
        lobby.leave("nico");
        lobby.clearActions();

        lobby.join("nico", Role.VISITOR);

        assertThat(lobby.botSaidPrivatelyTo("nico")).as("anyone may take a nick: no pass by nick")
                .containsExactly("Answer privately: What colour is a clear sky?");
    }

    @Test
    void aNewcomerWithVoiceLosesItAtTheGate() {
        TestRoom lobby = start(config(Check.QUESTION, Duration.ZERO));

        lobby.join(vera().role(Role.PARTICIPANT));

        assertThat(lobby.actions()).contains(new RoomAction.VoiceRevoked("vera"));
    }

    @Test
    void anAnswerToTheBotsOwnJidCounts() {
        TestRoom lobby = start(config(Check.QUESTION, Duration.ZERO));
        lobby.join(vera());

        kit.directChat().receive("vera@example.org/phone", "blue");

        assertThat(lobby.actions()).contains(new RoomAction.VoiceGranted("vera"));
    }

    @Test
    void aModeratorGivingVoiceLetsTheVisitorIn() {
        TestRoom lobby = start(config(Check.QUESTION, Duration.ZERO));
        lobby.join(vera());

        lobby.changeRole("vera", Role.PARTICIPANT);

        assertThat(recorder.events).singleElement().isInstanceOfSatisfying(GatePassedEvent.class,
                passed -> assertThat(passed.how()).isEqualTo("let-in"));
        assertThat(kit.storage("gate").room(LOBBY).get(GatePlugin.PASSED + "jid:vera@example.org")).isPresent();
    }

    @Test
    void theGateCommandShowsTheGateAndLetsAVisitorIn() {
        TestRoom lobby = start(config(Check.QUESTION, Duration.ZERO));
        lobby.join(vera());
        lobby.join("mod", Role.MODERATOR, Affiliation.NONE);

        lobby.say("mod", "!gate");
        lobby.say("mod", "!gate let-in vera");

        assertThat(lobby.botSaid()).first().asString().contains("newcomers answer a question (3 tries)")
                .contains("At the gate now: 1");
        assertThat(lobby.actions()).contains(new RoomAction.VoiceGranted("vera"));
    }

    @Test
    void aModeratorCanMakeAKnownVisitorMeetTheGateAgain() {
        TestRoom lobby = start(config(Check.QUESTION, Duration.ZERO));
        lobby.join(vera());
        lobby.sayPrivately("vera", "blue");
        lobby.join("mod", Role.MODERATOR, Affiliation.NONE);

        lobby.say("mod", "!gate forget vera");
        assertThat(lobby.botSaid()).containsExactly("vera will meet the gate on their next visit.");
        lobby.leave("vera");
        lobby.clearActions();
        lobby.join(vera());

        assertThat(lobby.actions()).noneMatch(RoomAction.VoiceGranted.class::isInstance);
        assertThat(lobby.botSaidPrivatelyTo("vera")).last().isEqualTo("Answer privately: What colour is a clear sky?");
    }

    @Test
    void theAdministratorsSeeEveryRoomsGate() {
        TestRoom lobby = start(config(Check.QUESTION, Duration.ZERO));
        lobby.join(vera());

        AdminResult result = kit.adminCommand("gate/status").orElseThrow().run(new AdminRequest("admin@example.org",
                Map.of()));

        assertThat(result.text()).startsWith(LOBBY + ": Gate: newcomers answer a question").contains("At the gate now: 1");
    }

    @Test
    void aJoinFloodCostsTheRoomNothing() {
        TestRoom lobby = start(config(Check.QUESTION, Duration.ZERO, 50, 10));

        for (int i = 0; i < 80; i++) {
            lobby.join(TestOccupant.nick("spam" + i).role(Role.VISITOR).realJid("spam" + i + "@example.net"));
        }

        assertThat(lobby.botSaid()).as("nothing said to the room").isEmpty();
        long sentPrivately = lobby.actions().stream().filter(RoomAction.SentPrivately.class::isInstance).count();
        assertThat(sentPrivately).as("the private messages' budget").isEqualTo(10);
        lobby.join("mod", Role.MODERATOR, Affiliation.NONE);
        lobby.say("mod", "!gate");
        assertThat(lobby.botSaid()).singleElement().asString().contains("At the gate now: 50")
                .contains("30 left voiceless");

        // A visitor the flood left without instructions gets the question when they write, once the budget is back.
        kit.clock().advance(Duration.ofMinutes(1));
        lobby.sayPrivately("spam20", "hello?");
        assertThat(lobby.botSaidPrivatelyTo("spam20")).containsExactly("Answer privately: What colour is a clear sky?");
    }

    @Test
    void anUnmoderatedRoomIsSaidOnceInTheLog() {
        try (CapturedLog log = CapturedLog.of("org.majordome")) {
            TestRoom lobby = start(config(Check.QUESTION, Duration.ZERO));
            lobby.withoutFeature(Feature.MODERATED);

            lobby.join(vera());
            lobby.join(TestOccupant.nick("walt").role(Role.VISITOR).realJid("walt@example.org"));

            assertThat(log.lines()).filteredOn(line -> line.contains("does not say it is moderated")).hasSize(1);
        }
    }

    /** Records the events the gate publishes, as any other plugin of the room would receive them. */
    public static final class Recorder implements Plugin<NoConfig> {
        final List<RoomEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "recorder";
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
        }

        @OnEvent
        public void passed(GatePassedEvent event) {
            events.add(event);
        }

        @OnEvent
        public void failed(GateFailedEvent event) {
            events.add(event);
        }
    }

}
