package org.majordome.api.command;

/** Where a command was sent from, and where a command may be used. */
public enum CommandScope {
    /** A groupchat message to the whole room; the answer goes to the room. */
    ROOM,
    /** A private message through a room (XEP-0045 §7.5); the answer goes back privately. */
    PRIVATE,
    /** A one-to-one chat outside rooms; there is no room in the invocation. */
    DIRECT
}
