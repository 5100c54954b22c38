package org.majordome.plugins.moderation;

import java.util.Optional;

import org.majordome.api.PluginContext;
import org.majordome.api.room.ActionResult;
import org.majordome.plugins.moderation.BlockListSettings.PublishBans;

/**
 * The block list the bot publishes ({@code publish-bans}): a node it owns, where each ban by the bot or its
 * moderators (permanent ones, or all per configuration) appears as the SHA-256 hash of the banned bare JID, the
 * public lists' convention, and from which {@code !unban}, a pardon or a temporary ban's end retracts it. Bans the
 * bot made because a followed list named someone are not published again: that list already says so.
 */
final class BanPublisher {

    /** The item's payload: a XEP-0377 abuse report (block-list followers read only the item id). */
    static final String PAYLOAD = "<report xmlns='urn:xmpp:reporting:1' reason='urn:xmpp:reporting:abuse'/>";

    private final PluginContext<ModerationConfig> context;
    private final Optional<PublishBans> settings;

    BanPublisher(PluginContext<ModerationConfig> context) {
        this.context = context;
        this.settings = context.config().publishBans();
    }

    /** Creates or configures the node (access model, whitelist); a failure is logged and retried at each ban. */
    void start() {
        settings.ifPresent(publish -> context.pubsub().ownNode(publish.address(), publish.nodeAccess())
                .thenAccept(result -> {
                    if (result.succeeded()) {
                        context.logger().info("Publishing bans to {}", publish.address());
                    } else {
                        context.logger().warn("Cannot own the ban list node {}: {}", publish.address(),
                                Enforcer.explain(result));
                    }
                }));
    }

    /** A ban was carried out: published when the configuration says so. */
    void banned(Optional<String> realJid, boolean permanent, String rule) {
        if (settings.isEmpty() || realJid.isEmpty() || BlockLists.RULE.equals(rule)
                || !settings.get().publishes(permanent)) {
            return;
        }
        PublishBans publish = settings.get();
        String jid = TextNormalizer.lower(realJid.get());
        context.pubsub().publish(publish.address(), FingerprintSet.itemIdOf(jid), PAYLOAD).thenAccept(result ->
                log(result, "publish the ban of " + jid + " to " + publish.address()));
    }

    /** A ban was lifted (or its subject pardoned): retracted from the published list, if it was there. */
    void lifted(String realJid) {
        if (settings.isEmpty()) {
            return;
        }
        PublishBans publish = settings.get();
        String jid = TextNormalizer.lower(realJid);
        context.pubsub().retract(publish.address(), FingerprintSet.itemIdOf(jid)).thenAccept(result -> {
            if (result instanceof ActionResult.Refused refused && refused.errorCondition().equals("item-not-found")) {
                return; // never published (a temporary ban, or made before publishing was configured)
            }
            log(result, "retract " + jid + " from " + publish.address());
        });
    }

    private void log(ActionResult result, String what) {
        if (result.succeeded()) {
            context.logger().info("Ban list: did {}", what);
        } else {
            context.logger().warn("Ban list: could not {}: {}", what, Enforcer.explain(result));
        }
    }
}
