package org.majordome.room;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.room.ActionResult;

/**
 * A room's ban and unban when a gateway may own the JID ({@link GatewayBans}): the gateway's ban plus a kick for
 * one of its people, the usual outcast (§9.1) or its lifting (§9.2) for anyone else. A full JID that is none of
 * the gateway's is banned by its bare JID, as an affiliation always is.
 */
final class GatewayBanning {

    static final String BANNED = "banned on the web gateway";
    static final String UNBANNED = "unbanned on the web gateway";

    private GatewayBanning() {
    }

    static CompletionStage<ActionResult> ban(GatewayBans gateway, EntityBareJid room, String jid, String reason,
                                             Executor executor,
                                             Function<String, CompletionStage<ActionResult>> outcast,
                                             Function<String, CompletionStage<ActionResult>> kick) {
        return CompletableFuture.supplyAsync(() -> gateway.ban(room, jid, reason), executor)
                .thenCompose(outcome -> switch (outcome) {
                    case GatewayBans.NotOurs ignored -> outcast.apply(bare(jid));
                    case GatewayBans.Refused refused -> done(new ActionResult.Refused("not-allowed", refused.why()));
                    case GatewayBans.Banned banned -> banned.nick().map(kick)
                            .orElseGet(() -> done(ActionResult.DONE))
                            .thenApply(kicked -> kicked.succeeded() ? new ActionResult.Done(BANNED)
                                    : new ActionResult.Done(BANNED + "; removing them from the room failed"));
                    case GatewayBans.Unbanned ignored -> done(new ActionResult.Done(UNBANNED));
                });
    }

    static CompletionStage<ActionResult> unban(GatewayBans gateway, EntityBareJid room, String jid, Executor executor,
                                               Function<String, CompletionStage<ActionResult>> lift) {
        return CompletableFuture.supplyAsync(() -> gateway.unban(room, jid), executor)
                .thenCompose(outcome -> switch (outcome) {
                    case GatewayBans.Unbanned ignored -> done(new ActionResult.Done(UNBANNED));
                    case GatewayBans.Refused refused -> done(new ActionResult.Refused("not-allowed", refused.why()));
                    case GatewayBans.NotOurs ignored -> lift.apply(bare(jid));
                    case GatewayBans.Banned ignored -> lift.apply(bare(jid));
                });
    }

    static String bare(String jid) {
        int slash = jid.indexOf('/');
        return slash < 0 ? jid : jid.substring(0, slash);
    }

    private static CompletionStage<ActionResult> done(ActionResult result) {
        return CompletableFuture.completedFuture(result);
    }
}
