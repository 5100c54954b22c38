package org.majordome.api.pubsub;

import java.util.Set;

/**
 * Told what happens on a followed node. Calls for one node arrive one at a time, in order, on a thread of the
 * runtime (never the XMPP library's); a call that throws is logged and the next ones still come.
 */
public interface NodeListener {

    /**
     * The node's whole item list, which replaces whatever the listener held: given once the node was first
     * read, and again after every new session of the bot (when notifications may have been missed).
     */
    void snapshot(Set<String> itemIds);

    /** An item was published (or published again) on the node. */
    void published(String itemId);

    /** An item was retracted from the node. */
    void retracted(String itemId);

    /**
     * The node could not be read or subscribed to (no such node, access refused, no answer); the runtime
     * tries again later. The listener keeps what it held.
     *
     * @param why a short explanation for logs
     */
    default void unavailable(String why) {
    }
}
