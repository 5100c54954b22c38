package org.majordome.plugins.gate;

import org.majordome.api.text.Wording;

/** What {@code !gate} says about a room's gate, in one line, in the audience's language. */
final class GateStatus {

    private GateStatus() {
    }

    /** The caller holds the gate's monitor. */
    static String describe(GateConfig settings, RoomGate gate, Wording wording) {
        String check = switch (settings.check()) {
            case WAIT -> wording.format("gate.status.check.wait", wording.duration(settings.waitTime()));
            case QUESTION -> wording.format("gate.status.check.question", settings.tries());
            case BOTH -> wording.format("gate.status.check.both", settings.tries(),
                    wording.duration(settings.waitTime()));
        };
        String turnedAway = gate.turnedAway > 0
                ? wording.format("gate.status.turned-away", gate.turnedAway, settings.maxWaiting()) : "";
        return wording.format("gate.status", check, gate.waitingCount(), gate.passed, gate.failed, turnedAway);
    }
}
