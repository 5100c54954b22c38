package org.majordome.api.pubsub;

import java.util.Objects;

/**
 * A node on a publish-subscribe service.
 *
 * @param service the service's address, e.g. {@code pubsub.example.org}
 * @param node    the node's id, e.g. {@code muc_bans_sha256}
 */
public record NodeAddress(String service, String node) {

    public NodeAddress {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(node, "node");
        if (service.isBlank() || node.isBlank()) {
            throw new IllegalArgumentException("a node needs a service and an id: '" + service + "', '" + node + "'");
        }
    }

    @Override
    public String toString() {
        return service + "/" + node;
    }
}
