package org.majordome.plugins.moderation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.majordome.api.pubsub.NodeAccess;
import org.majordome.api.pubsub.NodeAddress;
import org.majordome.api.text.ConfigRefusal;

/** The block-list keys of {@code plugins.moderation}: lists followed, and the list the bot publishes. */
public final class BlockListSettings {

    /** The node the public real-time block lists use (mod_muc_rtbl's default). */
    static final String DEFAULT_NODE = "muc_bans_sha256";

    private BlockListSettings() {
    }

    /** What the bot does to an occupant a followed list names. */
    public enum BlockAction { BAN, KICK }

    /** Which of the bot's bans it publishes. */
    public enum PublishedBans {
        /** Permanent bans only (a temporary ban would outlive its end on every follower's side). */
        PERMANENT,
        /** Every ban, retracted when it ends. */
        ALL
    }

    /** Who may follow the published list. */
    public enum Access { OPEN, WHITELIST }

    /**
     * One followed list (an entry of {@code blocklists}).
     *
     * @param service the publish-subscribe service, e.g. {@code xmppbl.org}
     * @param node    the node; {@code muc_bans_sha256} when not given
     * @param action  {@code ban} (the default) or {@code kick}
     * @param rooms   the rooms (JIDs) where the list applies; every room of the plugin when not given
     */
    public record BlockList(String service, Optional<String> node, Optional<BlockAction> action,
                            Optional<List<String>> rooms) {
        public BlockList {
            Objects.requireNonNull(service, "service");
            if (service.isBlank()) {
                throw new ConfigRefusal("service", "config.blank");
            }
            rooms = rooms.map(jids -> jids.stream().map(TextNormalizer::lower).toList());
        }

        boolean appliesIn(String roomJid) {
            return rooms.map(jids -> jids.contains(TextNormalizer.lower(roomJid))).orElse(true);
        }

        NodeAddress address() {
            return new NodeAddress(service, node.orElse(DEFAULT_NODE));
        }

        BlockAction onHit() {
            return action.orElse(BlockAction.BAN);
        }
    }

    /**
     * The list the bot publishes ({@code publish-bans}): bans by the bot and its moderators, retracted when lifted.
     *
     * @param service     the publish-subscribe service (usually the bot's own server's, e.g. {@code pubsub.example.org})
     * @param node        the node the bot owns; {@code muc_bans_sha256} when not given
     * @param access      {@code open} (the default) or {@code whitelist}
     * @param subscribers with {@code whitelist}: the bare JIDs that may follow the list
     * @param which       {@code permanent} (the default) or {@code all} bans
     */
    public record PublishBans(String service, Optional<String> node, Optional<Access> access,
                              Optional<List<String>> subscribers, Optional<PublishedBans> which) {
        public PublishBans {
            Objects.requireNonNull(service, "service");
            if (service.isBlank()) {
                throw new ConfigRefusal("service", "config.blank");
            }
        }

        NodeAddress address() {
            return new NodeAddress(service, node.orElse(DEFAULT_NODE));
        }

        NodeAccess nodeAccess() {
            return access.orElse(Access.OPEN) == Access.OPEN ? NodeAccess.open()
                    : NodeAccess.whitelist(subscribers.orElse(List.of()));
        }

        boolean publishes(boolean permanent) {
            return permanent || which.orElse(PublishedBans.PERMANENT) == PublishedBans.ALL;
        }
    }
}
