package org.majordome.plugins.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.majordome.api.PluginContext;
import org.majordome.api.console.ConsoleAction;
import org.majordome.api.console.ConsoleActionRequest;
import org.majordome.api.console.ConsoleOutcome;
import org.majordome.api.text.Wording;
import org.majordome.api.room.RoomHandle;

/**
 * Undoing a case from the console, the way the moderators' commands do it ({@link ModeratorCommands}): a ban is
 * lifted on the server as {@code !unban} lifts it (the shared ban list and the block lists' exemption included), a
 * mute ended as {@code !unmute} ends it, the offender's points cleared as {@code !pardon} clears them. Each is a new
 * case whose actor is the operator, marked as coming from the console.
 */
final class CaseUndo {

    static final String UNBAN = "unban";
    static final String UNMUTE = "unmute";
    static final String PARDON = "pardon";

    private final PluginContext<ModerationConfig> context;
    private final ModeratorCommands commands;

    CaseUndo(PluginContext<ModerationConfig> context, ModeratorCommands commands) {
        this.context = context;
        this.commands = commands;
    }

    /** What may be undone of a case: nothing of a dry run or of an undo itself; labels in {@code w}'s language. */
    List<ConsoleAction> offered(ModerationCase entry, Wording w) {
        List<ConsoleAction> actions = new ArrayList<>();
        if (entry.dryRun()) {
            return actions;
        }
        List<String> done = List.of(entry.action().split("[+ ]"));
        if (done.contains("ban") && entry.realJid().isPresent()) {
            actions.add(new ConsoleAction(UNBAN, w.format("console.undo.unban"), w.format("console.undo.unban.confirm",
                    entry.realJid().get(), entry.room())));
        }
        if (done.contains("mute")) {
            actions.add(new ConsoleAction(UNMUTE, w.format("console.undo.unmute"), w.format(
                    "console.undo.unmute.confirm", CaseSection.offender(entry), entry.room())));
        }
        if (!done.contains(PARDON) && !done.contains(UNBAN) && !done.contains(UNMUTE)) {
            actions.add(new ConsoleAction(PARDON, w.format("console.undo.pardon"), w.format(
                    "console.undo.pardon.confirm", CaseSection.offender(entry), entry.room())));
        }
        return actions;
    }

    CompletionStage<ConsoleOutcome> run(ConsoleActionRequest request, Optional<ModerationCase> found) {
        Optional<RoomHandle> handle = context.rooms().room(request.room());
        Wording w = context.texts().inLanguage(request.language());
        if (found.isEmpty() || handle.isEmpty()) {
            return done(ConsoleOutcome.failed(w.format("console.undo.gone")));
        }
        ModerationCase entry = found.get();
        RoomHandle room = handle.get();
        String actor = request.operator() + " (console)";
        context.logger(room.roomJid()).info("Console: {} undoes case #{} ({})", request.operator(), entry.number(),
                request.action());
        String name = ConsoleRooms.caseName(room.roomJid(), entry.number());
        return switch (request.action()) {
            case UNBAN -> commands.liftBan(room, entry.realJid().orElseThrow(), actor).thenApply(lifted ->
                    outcome(w, lifted, w.format("console.undo.unban.done", entry.realJid().get()), room));
            case UNMUTE -> commands.liftMute(room, new Offender(entry.offenderKey(), entry.nick(), entry.realJid(),
                    entry.occupantId()), actor).thenApply(lifted -> outcome(w, lifted,
                    w.format("console.undo.unmute.done", entry.nick()), room));
            case PARDON -> {
                ModerationCase pardon = commands.pardon(room, entry.realJid().orElse(entry.nick()), "undoing case "
                        + name + " in the console", actor);
                yield done(ConsoleOutcome.done(w.format("console.undo.pardon.done", CaseSection.offender(entry),
                        ConsoleRooms.caseName(room.roomJid(), pardon.number()))));
            }
            default -> done(ConsoleOutcome.failed(w.format("console.undo.unknown")));
        };
    }

    private static ConsoleOutcome outcome(Wording w, ModeratorCommands.Lifted lifted, String what, RoomHandle room) {
        String name = ConsoleRooms.caseName(room.roomJid(), lifted.caseNumber());
        return lifted.result().succeeded() ? ConsoleOutcome.done(w.format("console.undo.recorded", what, name))
                : ConsoleOutcome.failed(w.format("console.undo.refused", Enforcer.explain(lifted.result()), name));
    }

    private static CompletionStage<ConsoleOutcome> done(ConsoleOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
