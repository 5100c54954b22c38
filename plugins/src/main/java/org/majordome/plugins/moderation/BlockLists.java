package org.majordome.plugins.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.majordome.api.PluginContext;
import org.majordome.api.event.BlockListHitEvent;
import org.majordome.api.event.Occupant;
import org.majordome.api.pubsub.Following;
import org.majordome.api.pubsub.NodeAddress;
import org.majordome.api.pubsub.NodeListener;
import org.majordome.api.room.RoomHandle;
import org.majordome.plugins.moderation.BlockListSettings.BlockAction;
import org.majordome.plugins.moderation.BlockListSettings.BlockList;
import org.majordome.plugins.moderation.ModerationConfig.Policy;
import org.majordome.plugins.moderation.ModerationConfig.Sanction;

/**
 * Real-time block lists the plugin follows ({@code blocklists}): each list's hashes in a {@link FingerprintSet},
 * kept up to date by the node's publications and retractions and replaced by every snapshot (at start and after
 * each new session). An occupant whose bare real JID, or its domain, is listed is banned or kicked on join, and at
 * once when a publication (or a snapshot) names someone already present. Each action is a case whose rule is
 * {@code blocklist} and whose actor names the list, and a {@link BlockListHitEvent} for plugins and scripts.
 */
final class BlockLists {

    static final String RULE = "blocklist";
    /** A join and a publication naming the same person at the same moment act once. */
    private static final Duration ACTED_RECENTLY = Duration.ofSeconds(30);

    private final PluginContext<ModerationConfig> context;
    private final Sanctions sanctions;
    private final Function<String, Policy> policyOf;
    private final BiPredicate<Occupant, Policy> exempt;
    private final BlockListExemptions exemptions;
    private final List<Followed> lists = new ArrayList<>();
    private final Set<String> blindRoomsReported = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> actedAt = new ConcurrentHashMap<>();

    /** One followed list and its hashes. */
    private static final class Followed {
        final BlockList settings;
        volatile FingerprintSet hashes = new FingerprintSet();
        Following following;

        Followed(BlockList settings) {
            this.settings = settings;
        }

        String name() {
            return settings.address().toString();
        }
    }

    /** Who matched which list, on which address. */
    record Hit(Followed list, String matched) {
    }

    BlockLists(PluginContext<ModerationConfig> context, Sanctions sanctions, Function<String, Policy> policyOf,
               BiPredicate<Occupant, Policy> exempt, BlockListExemptions exemptions) {
        this.context = context;
        this.exemptions = exemptions;
        this.sanctions = sanctions;
        this.policyOf = policyOf;
        this.exempt = exempt;
        context.config().blocklists().forEach(settings -> lists.add(new Followed(settings)));
    }

    /** Follows every configured list; their hashes arrive once the bot is online. */
    void start() {
        for (Followed list : lists) {
            list.following = context.pubsub().follow(list.settings.address(), listener(list));
        }
    }

    boolean isEmpty() {
        return lists.isEmpty();
    }

    /** The number of hashes held per list, for the log and tests. */
    Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new java.util.LinkedHashMap<>();
        lists.forEach(list -> sizes.put(list.name(), list.hashes.size()));
        return sizes;
    }

    /**
     * An occupant joined: acts when a list names them. Costs two SHA-256 hashes and a probe per list, no I/O.
     *
     * @return true when the occupant was banned or kicked
     */
    boolean joined(RoomHandle room, Occupant occupant, Policy policy) {
        if (listsIn(room).isEmpty() || exempt.test(occupant, policy)) {
            return false;
        }
        if (occupant.realJid().isEmpty()) {
            blind(room);
            return false;
        }
        Optional<Hit> hit = match(occupant.realJid().get(), OptionalLong.empty(), listsIn(room));
        return hit.isPresent() && act(room, occupant, policy, hit.get());
    }

    /** Whether a list followed in the room names this bare JID (or its domain); in memory, no I/O. */
    boolean names(RoomHandle room, String bareJid) {
        return match(bareJid, OptionalLong.empty(), listsIn(room)).isPresent();
    }

    /**
     * The bot (re)joined a room: those already there never "joined" in its eyes, so every list is checked against
     * them now.
     */
    void roomJoined(RoomHandle room) {
        if (!listsIn(room).isEmpty()) {
            sweepRoom(room, OptionalLong.empty(), listsIn(room));
        }
    }

    /**
     * A moderator removed an exemption: the lists act on whoever they name here at once (an exempted occupant may be
     * present), the guard against acting twice on one join forgotten for the room.
     */
    void unexempted(RoomHandle room) {
        String prefix = TextNormalizer.lower(room.roomJid()) + " ";
        actedAt.keySet().removeIf(key -> key.startsWith(prefix));
        roomJoined(room);
    }

    private List<Followed> listsIn(RoomHandle room) {
        return lists.stream().filter(list -> list.settings.appliesIn(room.roomJid())).toList();
    }

    private NodeListener listener(Followed list) {
        return new NodeListener() {
            @Override
            public void snapshot(Set<String> itemIds) {
                list.hashes = FingerprintSet.of(itemIds);
                context.logger().info("Block list {}: {} hash(es)", list.name(), list.hashes.size());
                sweepPresent(list, OptionalLong.empty());
            }

            @Override
            public void published(String itemId) {
                OptionalLong fingerprint = FingerprintSet.fingerprintOfItem(itemId);
                if (fingerprint.isEmpty()) {
                    context.logger().debug("Block list {}: item {} is no SHA-256 hash; ignored", list.name(), itemId);
                    return;
                }
                list.hashes.add(fingerprint.getAsLong());
                sweepPresent(list, fingerprint);
            }

            @Override
            public void retracted(String itemId) {
                list.hashes.remove(itemId);
            }
        };
    }

    /** Acts on the occupants already present whom the list (or, given, one of its hashes) names. */
    private void sweepPresent(Followed list, OptionalLong only) {
        for (RoomHandle room : context.enabledRooms()) {
            if (room.joined() && list.settings.appliesIn(room.roomJid())) {
                sweepRoom(room, only, List.of(list));
            }
        }
    }

    private void sweepRoom(RoomHandle room, OptionalLong only, List<Followed> candidates) {
        Policy policy = policyOf.apply(room.roomJid());
        for (Occupant occupant : room.occupants()) {
            if (occupant.nick().equals(room.botNick()) || exempt.test(occupant, policy)) {
                continue;
            }
            if (occupant.realJid().isEmpty()) {
                blind(room);
                continue;
            }
            match(occupant.realJid().get(), only, candidates).ifPresent(hit -> act(room, occupant, policy, hit));
        }
    }

    private static Optional<Hit> match(String realJid, OptionalLong only, List<Followed> candidates) {
        String jid = TextNormalizer.lower(realJid);
        int at = jid.indexOf('@');
        String domain = at < 0 ? jid : jid.substring(at + 1);
        long jidHash = FingerprintSet.fingerprintOf(jid);
        long domainHash = FingerprintSet.fingerprintOf(domain);
        for (Followed list : candidates) {
            if (only.isPresent() && only.getAsLong() != jidHash && only.getAsLong() != domainHash) {
                continue;
            }
            if (list.hashes.contains(jidHash)) {
                return Optional.of(new Hit(list, jid));
            }
            if (list.hashes.contains(domainHash)) {
                return Optional.of(new Hit(list, domain));
            }
        }
        return Optional.empty();
    }

    /** Bans or kicks a listed occupant, unless a moderator exempted them here; true when it acted. */
    private boolean act(RoomHandle room, Occupant occupant, Policy policy, Hit hit) {
        Instant now = context.clock().instant();
        // Read only on a match (rare): the join of someone no list names costs no I/O.
        Optional<BlockListExemptions.Exemption> exempted = exemptions.find(room.roomJid(), occupant.realJid().orElseThrow());
        if (exempted.isPresent()) {
            context.logger(room.roomJid()).info("{} is on the block list {} but exempt here ({}): left alone",
                    occupant.nick(), hit.list().name(), exempted.get().describe(room.timeZone()));
            return false;
        }
        String key = TextNormalizer.lower(room.roomJid()) + " " + hit.matched() + " " + occupant.nick();
        Instant before = actedAt.put(key, now);
        if (before != null && before.plus(ACTED_RECENTLY).isAfter(now)) {
            return true;
        }
        actedAt.values().removeIf(at -> at.plus(ACTED_RECENTLY).isBefore(now));
        BlockAction action = hit.list().settings.onHit();
        Offender offender = Offender.of(occupant);
        // The reason the room shows with the ban or kick, in its language.
        String reason = hit.matched().contains("@")
                ? context.texts().in(room).format("reason.block-list", hit.list().name())
                : context.texts().in(room).format("reason.block-list.domain", hit.list().name(), hit.matched());
        String actor = "block list " + hit.list().name();
        if (policy.dryRun()) {
            sanctions.recordCase(room, offender, RULE, reason, "would have: " + action.name().toLowerCase(Locale.ROOT),
                    actor, "", true);
            return true;
        }
        sanctions.manual(room, policy, offender, action == BlockAction.BAN ? Sanction.BAN : Sanction.KICK,
                Duration.ZERO, reason, actor, RULE);
        context.publish(new BlockListHitEvent(room.roomJid(), occupant, hit.list().name(), hit.matched(),
                action.name().toLowerCase(Locale.ROOT), now));
        return true;
    }

    /** The room hides real JIDs from the bot: no list can be applied there. Said once per room. */
    private void blind(RoomHandle room) {
        if (blindRoomsReported.add(TextNormalizer.lower(room.roomJid()))) {
            context.logger(room.roomJid()).warn("Block lists cannot be applied in {}: the room does not show the bot "
                    + "its occupants' real JIDs (make the bot a moderator, or the room non-anonymous)", room.roomJid());
        }
    }

    /** The lists' addresses, for {@code !case} and the log. */
    List<NodeAddress> addresses() {
        return lists.stream().map(list -> list.settings.address()).toList();
    }
}
