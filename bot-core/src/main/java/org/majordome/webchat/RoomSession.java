package org.majordome.webchat;

import org.jxmpp.jid.parts.Resourcepart;

/**
 * What a {@link Visitor} needs of its session in one room, wherever that session runs: in the bot's JVM
 * ({@link VisitorSession}) or in the guest host process ({@link HostedSessions}). What the session sees comes back as
 * {@link VisitorSession.Events}.
 */
interface RoomSession {

    /** Asks to enter the room; what the room answers comes as events. */
    void join() throws Exception;

    /** Says {@code text} to the room. */
    void say(String text) throws Exception;

    /** A private message to one occupant (XEP-0045 §7.5). */
    void sendPrivate(Resourcepart to, String text) throws Exception;

    /** The visitor's nick in the room: the one asked, then the one the room gave. */
    Resourcepart nick();

    /** Leaves the room and ends the session; no event follows. */
    void close();
}
