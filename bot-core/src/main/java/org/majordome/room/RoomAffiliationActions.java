package org.majordome.room;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.api.event.Affiliation;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.AffiliationChange;
import org.majordome.api.room.AffiliationEntry;
import org.majordome.api.room.RoomAffiliations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link RoomAffiliations} of a kept room: list reads and batched changes, off the caller's thread. */
final class RoomAffiliationActions implements RoomAffiliations {

    private static final Logger log = LoggerFactory.getLogger(RoomAffiliationActions.class);

    private final EntityBareJid room;
    private final EntityBareJid bot;
    private final AffiliationLists lists;
    private final AffiliationWriter writer;
    private final BooleanSupplier joined;
    private final Executor executor;

    RoomAffiliationActions(EntityBareJid room, EntityBareJid bot, AffiliationLists lists, AffiliationWriter writer,
                           BooleanSupplier joined, Executor executor) {
        this.room = room;
        this.bot = bot;
        this.lists = lists;
        this.writer = writer;
        this.joined = joined;
        this.executor = executor;
    }

    @Override
    public CompletionStage<Optional<List<AffiliationEntry>>> list(Affiliation affiliation) {
        if (affiliation == Affiliation.NONE || !joined.getAsBoolean()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Optional.of(lists.read(affiliation));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (Exception e) {
                String why = e instanceof org.jivesoftware.smack.XMPPException.XMPPErrorException refused
                        ? refused.getStanzaError().getCondition().toString() : e.toString();
                log.warn("Room {}: could not read the {} list: {}", room, affiliation, why);
                return Optional.empty();
            }
        }, executor);
    }

    @Override
    public CompletionStage<List<AffiliationChange.Result>> change(List<AffiliationChange> changes) {
        List<AffiliationChange> asked = List.copyOf(changes);
        if (!joined.getAsBoolean()) {
            ActionResult out = new ActionResult.Failed("the bot is not in " + room + " now");
            return CompletableFuture.completedFuture(asked.stream()
                    .map(change -> new AffiliationChange.Result(change, out)).toList());
        }
        return CompletableFuture.supplyAsync(() -> {
            Map<AffiliationChange, ActionResult> early = new LinkedHashMap<>();
            Map<AffiliationChange, AffiliationPlan.Change> toSend = new LinkedHashMap<>();
            for (AffiliationChange change : asked) {
                try {
                    EntityBareJid jid = JidCreate.entityBareFrom(change.jid());
                    if (jid.equals(bot)) {
                        early.put(change, new ActionResult.NotSupported("the bot never changes its own affiliation"));
                    } else {
                        toSend.put(change, new AffiliationPlan.Change(jid, Affiliation.NONE, change.affiliation(),
                                change.reason().filter(reason -> !reason.isBlank())));
                    }
                } catch (Exception e) {
                    early.put(change, new ActionResult.Failed("invalid address: " + change.jid()));
                }
            }
            Map<AffiliationPlan.Change, ActionResult> sent = writer.apply(new ArrayList<>(toSend.values()));
            return asked.stream().map(change -> new AffiliationChange.Result(change,
                    early.containsKey(change) ? early.get(change) : sent.get(toSend.get(change)))).toList();
        }, executor);
    }
}
