package org.majordome.api.room;

import java.util.concurrent.CompletionStage;

/** One-to-one messages with users outside any room. */
public interface DirectChat {

    /**
     * Sends a chat message.
     *
     * @param jid a full JID to reach one client (use the one a message came from), or a bare JID to let the
     *            user's server route it
     */
    CompletionStage<ActionResult> send(String jid, String text);
}
