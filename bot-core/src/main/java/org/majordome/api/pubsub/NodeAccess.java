package org.majordome.api.pubsub;

import java.util.List;
import java.util.Objects;

/**
 * Who may subscribe to and read a node the bot owns (XEP-0060 §4.5).
 *
 * @param model     open to everyone, or to the whitelist only
 * @param whitelist bare JIDs allowed with {@link Model#WHITELIST} (they become members of the node); ignored
 *                  when open
 */
public record NodeAccess(Model model, List<String> whitelist) {

    /** The access models the bot can give its nodes. */
    public enum Model {
        /** Anyone may subscribe and read the items. */
        OPEN,
        /** Only the owner and the whitelisted JIDs. */
        WHITELIST
    }

    public NodeAccess {
        Objects.requireNonNull(model, "model");
        whitelist = List.copyOf(whitelist);
    }

    /** Anyone may follow the node. */
    public static NodeAccess open() {
        return new NodeAccess(Model.OPEN, List.of());
    }

    /** Only these bare JIDs (and the bot) may follow the node. */
    public static NodeAccess whitelist(List<String> subscribers) {
        return new NodeAccess(Model.WHITELIST, subscribers);
    }
}
