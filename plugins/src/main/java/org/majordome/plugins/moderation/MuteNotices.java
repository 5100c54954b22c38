package org.majordome.plugins.moderation;

import java.time.Instant;
import java.util.Optional;

import org.majordome.api.PluginContext;
import org.majordome.api.event.MuteEndedEvent;
import org.majordome.api.event.MuteStartedEvent;

/**
 * Tells the room's other plugins when a mute starts and ends ({@link MuteStartedEvent}, {@link MuteEndedEvent}), so
 * that one that gives voice (the gate, to known visitors) does not undo a mute: the plugins' lanes do not wait for
 * each other, so this plugin's re-mute of a rejoining offender could come before another's grant of voice.
 */
final class MuteNotices {

    private MuteNotices() {
    }

    static void started(PluginContext<ModerationConfig> context, String roomJid, Offender offender,
                        Optional<Instant> until, long caseNumber) {
        context.publish(new MuteStartedEvent(roomJid, offender.nick(), offender.realJid(), offender.occupantId(),
                until, caseNumber, context.clock().instant()));
    }

    static void ended(PluginContext<ModerationConfig> context, String roomJid, Offender offender, String how) {
        context.publish(new MuteEndedEvent(roomJid, offender.nick(), offender.realJid(), offender.occupantId(), how,
                context.clock().instant()));
    }

    /** The offender an expiry job names: its key, nick and JID (an {@code oid:} key gives the occupant id). */
    static Offender offender(String key, String nick, String jid) {
        Optional<String> occupantId = key.startsWith("oid:") ? Optional.of(key.substring(4)) : Optional.empty();
        return new Offender(key, nick, Optional.ofNullable(jid).filter(j -> !j.isBlank()), occupantId);
    }
}
