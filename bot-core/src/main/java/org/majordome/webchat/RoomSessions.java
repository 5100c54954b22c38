package org.majordome.webchat;

import java.util.Locale;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Where the visitors' XMPP sessions run: in the bot's JVM ({@link InProcessSessions}), or in a child JVM at a lower
 * OS priority ({@link HostedSessions}), so that a surge of visitors (a Smack reader and listener per visitor, parsing
 * every presence the room fans out) never competes on equal terms with the bot's own threads.
 */
interface RoomSessions extends AutoCloseable {

    /** What a visitor's session is opened with. */
    record Request(String resource, EntityBareJid room, Resourcepart nick, String title, Locale language) {
    }

    /**
     * Logs in a session on the web account with {@code request.resource()}, bound to {@code events}; blocks until it
     * is up (call it on the visitor's own thread). The room is not joined yet: {@link RoomSession#join()}.
     *
     * @throws Exception when the server cannot be reached or refuses the login
     */
    RoomSession open(Request request, VisitorSession.Events events) throws Exception;

    /** Ends every session (the gateway is closing). */
    @Override
    void close();
}
