package org.majordome.console;

import java.util.Set;

/**
 * Who is logged in to the console, and which rooms they may see and act on. Decided on the server at login and
 * checked for every request and every action, never by hiding links.
 *
 * @param jid      the operator's bare JID
 * @param botAdmin a bot admin ({@code runtime.admins}) sees and acts on everything
 * @param rooms    the bare JIDs of the kept rooms this operator owns or administers
 */
public record Operator(String jid, boolean botAdmin, Set<String> rooms) {

    public Operator {
        rooms = Set.copyOf(rooms);
    }

    /** Whether this operator may see and act on a room (its bare JID). */
    public boolean mayManage(String room) {
        return botAdmin || rooms.contains(room);
    }
}
