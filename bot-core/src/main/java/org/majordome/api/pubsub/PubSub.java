package org.majordome.api.pubsub;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.majordome.api.room.ActionResult;

/**
 * The bot's publish-subscribe capability (XEP-0060), through its own account. What a plugin follows is
 * followed until the plugin stops.
 */
public interface PubSub {

    /** The ids of every item on the node (§6.5.2); empty when the node cannot be read. */
    CompletionStage<Optional<List<String>>> itemIds(NodeAddress node);

    /**
     * Follows a node: reads its items and subscribes (§6.1), then tells the listener every publication and
     * retraction; after a new session of the bot it subscribes again and reads the items again. Returns at once;
     * the first {@link NodeListener#snapshot} comes when the bot is online and the node was read.
     */
    Following follow(NodeAddress node, NodeListener listener);

    /**
     * Publishes an item with this id (§7.1), replacing an item of the same id.
     *
     * @param payloadXml the item's one payload element, e.g. {@code <ban xmlns='urn:xmpp:rtbl:0'/>}
     */
    CompletionStage<ActionResult> publish(NodeAddress node, String itemId, String payloadXml);

    /** Retracts an item (§7.2) and asks the service to tell the subscribers. */
    CompletionStage<ActionResult> retract(NodeAddress node, String itemId);

    /**
     * Makes sure the bot owns this node with this access: creates it when missing (§8.1), sets its access model
     * and keeps its items (§8.2), and with a whitelist makes the whitelisted JIDs members (§8.9).
     */
    CompletionStage<ActionResult> ownNode(NodeAddress node, NodeAccess access);
}
