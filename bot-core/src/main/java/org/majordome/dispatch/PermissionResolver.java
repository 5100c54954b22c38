package org.majordome.dispatch;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.majordome.api.command.CommandScope;
import org.majordome.api.command.CommandSender;
import org.majordome.api.command.Permission;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.Role;

/**
 * Decides a command sender's {@link Permission} from facts the server vouches for: the bare real JID
 * (bot admins) and the occupant's affiliation and role in the room, never the nick. The rules are those
 * documented on {@link Permission}.
 */
public final class PermissionResolver {

    private final Set<String> botAdminBareJids;

    /** @param botAdminBareJids the configured bot admins' bare JIDs (compared case-insensitively) */
    public PermissionResolver(Collection<String> botAdminBareJids) {
        this.botAdminBareJids = botAdminBareJids.stream().map(jid -> jid.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public Permission resolve(CommandScope scope, CommandSender sender) {
        Optional<String> bareJid = sender.bareJid().or(() -> sender.occupant().flatMap(Occupant::realJid));
        if (bareJid.map(jid -> botAdminBareJids.contains(jid.toLowerCase(Locale.ROOT))).orElse(false)) {
            return Permission.BOT_ADMIN;
        }
        if (scope == CommandScope.DIRECT) {
            return Permission.ANYONE;
        }
        return sender.occupant().map(PermissionResolver::inRoom).orElse(Permission.ANYONE);
    }

    private static Permission inRoom(Occupant occupant) {
        Affiliation affiliation = occupant.affiliation();
        if (affiliation == Affiliation.OWNER || affiliation == Affiliation.ADMIN) {
            return Permission.ADMIN;
        }
        Role role = occupant.role();
        if (role == Role.MODERATOR) {
            return Permission.MODERATOR;
        }
        // A muted (visitor) or departing occupant gets nothing from membership: the bot must not speak for them.
        if (role != Role.PARTICIPANT) {
            return Permission.ANYONE;
        }
        return affiliation == Affiliation.MEMBER ? Permission.MEMBER : Permission.PARTICIPANT;
    }
}
