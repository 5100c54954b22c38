package org.majordome.plugins.moderation;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.majordome.api.PluginContext;
import org.majordome.api.room.NickCheck;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.text.Wording;

/**
 * The nickname rule (a forbidden word in the nick, a look-alike of a moderator's or a protected nick) asked before
 * someone enters through the bot's web chat ({@link NickCheck}): the visitor is told at the nick chooser and
 * chooses another, instead of being sanctioned once in the room. Any violation refuses the nick, whatever the
 * rule's action, since choosing another costs nothing there; a rule in dry run, or a room whose policy is, refuses
 * nothing (it only reports, once they joined). No case is recorded: nobody did anything yet.
 */
final class NickRefusals implements NickCheck {

    private final PluginContext<ModerationConfig> context;
    private final Function<String, RoomWatch> watches;

    NickRefusals(PluginContext<ModerationConfig> context, Function<String, RoomWatch> watches) {
        this.context = context;
        this.watches = watches;
    }

    @Override
    public Optional<String> refusal(String roomJid, String nick) {
        Optional<RoomHandle> room = context.rooms().room(roomJid);
        if (room.isEmpty()) {
            return Optional.empty();
        }
        RoomWatch watch = watches.apply(roomJid);
        if (watch.policy().dryRun()) {
            return Optional.empty();
        }
        List<Violation> violations = watch.checkNick(nick, room.get().occupants(),
                ModerationPlugin.protectedNicks(room.get()));
        return violations.stream().filter(violation -> !violation.dryRun()).findFirst().map(violation -> {
            Wording wording = context.texts().in(room.get());
            return wording.format("nickname.refused", violation.said().apply(wording));
        });
    }
}
