package org.majordome.console;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.majordome.room.RoomView;

/**
 * Who may use the console and what each operator may manage, decided afresh at every request from the
 * configuration in force and what the rooms know now: a bot admin ({@code admins:}) manages every room; anyone else
 * the kept rooms they own or administer, as the configuration declares or the server's lists said at the last read.
 * Someone whose rights went away is refused at their next click, not at the end of their session.
 */
final class Operators {

    private final Supplier<Set<EntityBareJid>> admins;
    private final Supplier<List<RoomView>> rooms;

    /**
     * @param admins the bot admins of the configuration in force
     * @param rooms  the kept rooms as they are now
     */
    Operators(Supplier<Set<EntityBareJid>> admins, Supplier<List<RoomView>> rooms) {
        this.admins = admins;
        this.rooms = rooms;
    }

    /** The operator this bare JID is now; empty when it may not use the console (any more). */
    Optional<Operator> of(String jid) {
        boolean botAdmin = admins.get().stream().anyMatch(admin -> admin.toString().equals(jid));
        Set<String> managed = rooms.get().stream().filter(room -> room.managedBy(jid)).map(RoomView::jid)
                .collect(Collectors.toUnmodifiableSet());
        if (!botAdmin && managed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Operator(jid, botAdmin, managed));
    }

    /** The normalised bare JID someone typed (case folded as XMPP compares it); empty when it is not one. */
    static Optional<String> bareJid(String typed) {
        if (typed == null || typed.length() > 3071) {
            return Optional.empty();
        }
        String text = typed.strip();
        int slash = text.indexOf('/');
        // A resource someone typed out of habit names the same account.
        String bare = slash < 0 ? text : text.substring(0, slash);
        int at = bare.indexOf('@');
        if (at <= 0 || at != bare.lastIndexOf('@') || at == bare.length() - 1 || bare.chars().anyMatch(
                Character::isWhitespace)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JidCreate.entityBareFrom(bare).toString());
        } catch (XmppStringprepException | RuntimeException notAJid) {
            return Optional.empty();
        }
    }
}
