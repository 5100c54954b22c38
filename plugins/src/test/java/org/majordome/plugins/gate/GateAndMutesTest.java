package org.majordome.plugins.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.Role;
import org.majordome.plugins.gate.GateConfig.Check;
import org.majordome.plugins.moderation.ModerationConfig;
import org.majordome.plugins.moderation.ModerationPlugin;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.RoomAction;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

/**
 * The gate and the moderation plugin in one room: the gate gives voice back to known visitors, and must never give
 * it to someone moderation holds muted (it learns of mutes from moderation's {@code MuteStartedEvent} and
 * {@code MuteEndedEvent}). Moderation is registered first, so that on a rejoin its re-mute comes before the gate's
 * decision, as it may on the dispatcher's lanes.
 */
class GateAndMutesTest {

    private static final String LOBBY = "lobby@conference.example.org";

    private PluginTestKit kit;

    @AfterEach
    void closeKit() {
        if (kit != null) {
            kit.close();
        }
    }

    private TestRoom start() {
        GateConfig d = GateConfig.defaults();
        GateConfig gate = new GateConfig(Check.WAIT, Duration.ofMinutes(1), 3, d.questions(), 200, 20, d.waitText(),
                d.questionText(), d.bothText(), d.answeredText(), d.passedText(), d.wrongText(), d.failedText(), Map.of());
        kit = PluginTestKit.builder().plugin(new ModerationPlugin(), ModerationConfig.defaults())
                .plugin(new GatePlugin(), gate).room(LOBBY).start();
        // Persistent jobs (a mute's end) run on the real clock: keep the plugins' clock near it.
        kit.clock().set(Instant.now());
        TestRoom lobby = kit.room(LOBBY);
        lobby.join("boss", Role.MODERATOR, Affiliation.OWNER);
        return lobby;
    }

    private static TestOccupant vera() {
        return TestOccupant.nick("vera").role(Role.VISITOR).realJid("vera@example.org");
    }

    /** A known visitor (passed the gate before) muted by a moderator, who leaves and comes back. */
    private TestRoom knownVisitorMutedAndBack() {
        TestRoom lobby = start();
        lobby.join(vera());
        lobby.say("boss", "!gate let-in vera");
        assertThat(lobby.occupant("vera").orElseThrow().role()).isEqualTo(Role.PARTICIPANT);
        lobby.say("boss", "!mute vera 1h spam");
        assertThat(lobby.occupant("vera").orElseThrow().role()).isEqualTo(Role.VISITOR);
        lobby.leave("vera");
        lobby.clearActions();
        lobby.join(vera());
        return lobby;
    }

    @Test
    void gateGaveVoiceBackToAMutedKnownVisitorWhoRejoined() {
        TestRoom lobby = knownVisitorMutedAndBack();

        assertThat(lobby.actions()).noneMatch(RoomAction.VoiceGranted.class::isInstance);
        assertThat(lobby.occupant("vera").orElseThrow().role()).isEqualTo(Role.VISITOR);
    }

    @Test
    void aKnownVisitorWhoseMuteWasLiftedGetsVoiceBackFromTheGateOnTheirNextVisit() {
        TestRoom lobby = knownVisitorMutedAndBack();
        lobby.say("boss", "!unmute vera");
        assertThat(lobby.occupant("vera").orElseThrow().role()).isEqualTo(Role.PARTICIPANT);
        lobby.leave("vera");
        lobby.clearActions();

        lobby.join(vera());

        assertThat(lobby.actions()).contains(new RoomAction.VoiceGranted("vera"));
        assertThat(lobby.occupant("vera").orElseThrow().role()).isEqualTo(Role.PARTICIPANT);
    }

    @Test
    void aMuteThatHasEndedNoLongerHoldsTheGateBack() {
        TestRoom lobby = knownVisitorMutedAndBack();
        lobby.leave("vera");
        // The gate keeps each mute's end: one that ran out while nobody told it still stops holding the visitor.
        kit.clock().advance(Duration.ofHours(2));
        lobby.clearActions();

        lobby.join(vera());

        assertThat(lobby.actions()).contains(new RoomAction.VoiceGranted("vera"));
        assertThat(lobby.occupant("vera").orElseThrow().role()).isEqualTo(Role.PARTICIPANT);
    }
}
