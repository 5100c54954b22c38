package org.majordome.plugins.gate;

import static org.majordome.plugins.gate.GatePlugin.FAILED;
import static org.majordome.plugins.gate.GatePlugin.PASSED;
import static org.majordome.plugins.gate.GatePlugin.TRIES;

import java.util.Optional;

import org.majordome.api.PluginContext;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.event.Occupant;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.storage.KeyValueStore;
import org.majordome.api.storage.ValueCodec;
import org.majordome.api.text.Wording;
import org.majordome.plugins.gate.RoomGate.Visitor;

/**
 * The moderators' {@code !gate}: shows the room's gate, lets a visitor in, or forgets what the gate knows of them.
 * Letting in someone the moderation plugin holds muted records the pass but leaves the voice to the mute.
 */
final class GateCommands {

    private final PluginContext<GateConfig> context;
    private final GatePlugin plugin;
    private final MuteHolds mutes;

    GateCommands(PluginContext<GateConfig> context, GatePlugin plugin, MuteHolds mutes) {
        this.context = context;
        this.plugin = plugin;
        this.mutes = mutes;
    }

    void gateCommand(CommandInvocation invocation) {
        Optional<RoomHandle> found = invocation.room();
        if (found.isEmpty()) {
            return;
        }
        RoomHandle room = found.get();
        RoomGate gate = plugin.gate(room.roomJid());
        Wording wording = context.texts().replyTo(invocation);
        if (invocation.arguments().isEmpty()) {
            invocation.reply(plugin.describe(room.roomJid(), wording));
            return;
        }
        Optional<String> nick = invocation.argument(1);
        String action = invocation.argument(0).orElse("");
        if (!(action.equals("let-in") || action.equals("forget")) || nick.isEmpty()) {
            invocation.reply(wording.format("gate.usage"));
            return;
        }
        if (action.equals("forget")) {
            invocation.reply(forget(room, nick.get(), wording));
            return;
        }
        synchronized (gate) {
            Optional<Visitor> waiting = gate.visitor(nick.get());
            if (waiting.isPresent()) {
                boolean muted = mutes.holds(room.roomJid(), waiting.get().occupant, context.clock().instant());
                plugin.pass(room, gate, nick.get(), waiting.get(), "let-in", true);
                invocation.reply(letIn(wording, nick.get(), muted));
                return;
            }
        }
        Optional<Occupant> present = room.occupant(nick.get());
        if (present.isEmpty()) {
            invocation.reply(wording.format("gate.nobody", nick.get()));
            return;
        }
        Identities.of(present.get()).ifPresent(identity -> {
            KeyValueStore store = context.storage().room(room.roomJid());
            store.delete(FAILED + identity);
            store.delete(TRIES + identity);
            store.put(PASSED + identity, context.clock().instant(), ValueCodec.INSTANT);
        });
        boolean muted = mutes.holds(room.roomJid(), present.get(), context.clock().instant());
        if (!muted) {
            room.grantVoice(nick.get());
        }
        invocation.reply(letIn(wording, nick.get(), muted));
    }

    private static String letIn(Wording wording, String nick, boolean muted) {
        return wording.format(muted ? "gate.let-in.muted" : "gate.may-speak", nick);
    }

    /** Forgets what the gate knows of a present occupant: their next visit is a first one. */
    private String forget(RoomHandle room, String nick, Wording wording) {
        Optional<String> identity = room.occupant(nick).flatMap(Identities::of);
        if (identity.isEmpty()) {
            return wording.format("gate.forget.unknown", nick);
        }
        KeyValueStore store = context.storage().room(room.roomJid());
        boolean known = store.delete(PASSED + identity.get()) | store.delete(FAILED + identity.get());
        store.delete(TRIES + identity.get());
        return wording.format(known ? "gate.forget.done" : "gate.forget.never", nick);
    }
}
