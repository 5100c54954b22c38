package org.majordome.plugins.gate;


import org.majordome.api.DurationText;

/** What {@code !gate} says about a room's gate, in one line. */
final class GateStatus {

    private GateStatus() {
    }

    /** The caller holds the gate's monitor. */
    static String describe(GateConfig settings, RoomGate gate) {
        String check = switch (settings.check()) {
            case WAIT -> "newcomers wait " + DurationText.words(settings.waitTime());
            case QUESTION -> "newcomers answer a question (" + tries(settings) + ")";
            case BOTH -> "newcomers answer a question (" + tries(settings) + ") and wait "
                    + DurationText.words(settings.waitTime());
        };
        String status = "Gate: " + check + ". At the gate now: " + gate.waitingCount() + ". Since the bot started: "
                + gate.passed + " passed, " + gate.failed + " failed";
        if (gate.turnedAway > 0) {
            status += ", " + gate.turnedAway + " left voiceless because " + settings.maxWaiting()
                    + " were waiting already";
        }
        return status + ".";
    }

    private static String tries(GateConfig settings) {
        return settings.tries() == 1 ? "1 try" : settings.tries() + " tries";
    }
}
