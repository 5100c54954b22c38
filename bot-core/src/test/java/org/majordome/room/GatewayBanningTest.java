package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.api.room.ActionResult;

/**
 * A room's ban and unban when a gateway shares one account between many people (the web chat): the ban of one
 * visitor must never outcast the account, which would ban every visitor.
 */
class GatewayBanningTest {

    private static final EntityBareJid ROOM = JidCreate.entityBareFromOrThrowUnchecked("lobby@conference.localhost");
    private final List<String> outcast = new CopyOnWriteArrayList<>();
    private final List<String> kicked = new CopyOnWriteArrayList<>();
    private final Function<String, CompletionStage<ActionResult>> outcastAction = jid -> {
        outcast.add(jid);
        return CompletableFuture.completedFuture(ActionResult.DONE);
    };
    private final Function<String, CompletionStage<ActionResult>> kickAction = nick -> {
        kicked.add(nick);
        return CompletableFuture.completedFuture(ActionResult.DONE);
    };

    private static GatewayBans answering(GatewayBans.Outcome outcome) {
        return new GatewayBans() {
            @Override
            public Outcome ban(EntityBareJid room, String jid, String reason) {
                return outcome;
            }

            @Override
            public Outcome unban(EntityBareJid room, String jid) {
                return outcome;
            }
        };
    }

    private ActionResult ban(GatewayBans gateway, String jid) {
        return GatewayBanning.ban(gateway, ROOM, jid, "spam", Runnable::run, outcastAction, kickAction)
                .toCompletableFuture().join();
    }

    @Test
    void aBanOfAWebVisitorDoesNotOutcastTheSharedAccountButKicksThemAndSaysSo() {
        ActionResult result = ban(answering(new GatewayBans.Banned(Optional.of("Ann"))),
                "visitors@localhost/majordome-web-abc");
        assertThat(outcast).isEmpty();
        assertThat(kicked).containsExactly("Ann");
        assertThat(result).isEqualTo(new ActionResult.Done("banned on the web gateway"));
    }

    @Test
    void aBanOfTheSharedAccountItselfIsRefusedAndNothingIsSent() {
        ActionResult result = ban(answering(new GatewayBans.Refused("shared")), "visitors@localhost");
        assertThat(outcast).isEmpty();
        assertThat(kicked).isEmpty();
        assertThat(result).isEqualTo(new ActionResult.Refused("not-allowed", "shared"));
    }

    @Test
    void anyoneElseIsOutcastByBareJidAsBefore() {
        assertThat(ban(GatewayBans.NONE, "spammer@localhost")).isEqualTo(ActionResult.DONE);
        assertThat(ban(GatewayBans.NONE, "spammer@localhost/phone")).isEqualTo(ActionResult.DONE);
        assertThat(outcast).containsExactly("spammer@localhost", "spammer@localhost");
        assertThat(kicked).isEmpty();
    }

    @Test
    void anUnbanTheGatewayHoldsIsLiftedThereAndAnyOtherInTheRoom() {
        ActionResult lifted = GatewayBanning.unban(answering(new GatewayBans.Unbanned()), ROOM,
                "visitors@localhost/majordome-web-abc", Runnable::run, outcastAction).toCompletableFuture().join();
        assertThat(lifted).isEqualTo(new ActionResult.Done("unbanned on the web gateway"));
        assertThat(outcast).isEmpty();
        GatewayBanning.unban(GatewayBans.NONE, ROOM, "someone@localhost", Runnable::run, outcastAction)
                .toCompletableFuture().join();
        assertThat(outcast).containsExactly("someone@localhost");
    }
}
