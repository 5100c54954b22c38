package org.majordome.plugins.moderation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.majordome.api.PluginContext;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.command.Permission;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.AppealDecidedEvent;
import org.majordome.api.event.Role;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.text.Wording;
import org.majordome.plugins.moderation.ModerationConfig.Sanction;

/**
 * A moderator's answer to an appeal, {@code !appeal accept|reject <case> [reason]}, in the case's room, its staff
 * room or a direct message. Who may decide: a moderator of the room the command was sent in, when that is the
 * case's room or its staff room; anywhere, an occupant of the case's room the bot sees as moderator, admin or
 * owner by real JID, or a bot admin. Accepting lifts the sanction (an unban, an unmute with its end forgotten) and
 * pardons the points as {@code !pardon} does, recorded as a case; rejecting keeps it. The appellant is told
 * either way.
 */
final class AppealDecisions {

    private final PluginContext<ModerationConfig> context;
    private final CaseBook book;
    private final AppealRecords records;
    private final Sanctions sanctions;
    private final SanctionExpiry expiry;
    private final BlockListExemptions exemptions;

    AppealDecisions(PluginContext<ModerationConfig> context, CaseBook book, AppealRecords records, Sanctions sanctions,
                    SanctionExpiry expiry, BlockListExemptions exemptions) {
        this.exemptions = exemptions;
        this.context = context;
        this.book = book;
        this.records = records;
        this.sanctions = sanctions;
        this.expiry = expiry;
    }

    /** {@code !appeal accept|reject <case> [reason]}. */
    void decide(CommandInvocation invocation, boolean accept) {
        Optional<CaseRef> ref = invocation.argument(1).flatMap(CaseRef::parse);
        if (ref.isEmpty()) {
            invocation.replyPrivately(context.texts().privatelyTo(invocation).format("appeal.decide.usage"));
            return;
        }
        long number = ref.get().number();
        List<RoomHandle> candidates = ref.get().room().isPresent() || invocation.room().isEmpty()
                ? ref.get().among(context.rooms().all()) : roomsServedBy(invocation.room().get());
        List<RoomHandle> rooms = candidates.stream()
                .filter(room -> records.find(room.roomJid(), number).map(Appeal::open).orElse(false))
                .filter(room -> mayDecide(invocation, room)).toList();
        if (rooms.isEmpty()) {
            invocation.replyPrivately(context.texts().privatelyTo(invocation).format("appeal.none-to-decide",
                    Long.toString(number)));
            return;
        }
        if (rooms.size() > 1) {
            invocation.replyPrivately(context.texts().privatelyTo(invocation).format("appeal.decide.several-rooms",
                    Long.toString(number), (accept ? "accept " : "reject ") + CaseRef.of(rooms.getFirst(), number)));
            return;
        }
        carryOut(invocation, rooms.getFirst(), number, accept, invocation.argumentsFrom(2));
    }

    /** The room itself, and the rooms whose appeals go to it as their staff room. */
    private List<RoomHandle> roomsServedBy(RoomHandle asked) {
        Set<RoomHandle> rooms = new LinkedHashSet<>();
        rooms.add(asked);
        context.rooms().all().stream().filter(room -> context.config().policyFor(room.roomJid()).appeals().staffRoom()
                .map(asked.roomJid()::equalsIgnoreCase).orElse(false)).forEach(rooms::add);
        return new ArrayList<>(rooms);
    }

    private boolean mayDecide(CommandInvocation invocation, RoomHandle room) {
        if (invocation.senderPermission() == Permission.BOT_ADMIN) {
            return true;
        }
        Optional<String> staffRoom = context.config().policyFor(room.roomJid()).appeals().staffRoom();
        boolean askedHere = invocation.room().map(asked -> asked.roomJid().equalsIgnoreCase(room.roomJid())
                || staffRoom.map(asked.roomJid()::equalsIgnoreCase).orElse(false)).orElse(false);
        if (askedHere && invocation.senderPermission().includes(Permission.MODERATOR)) {
            return true;
        }
        Optional<String> jid = invocation.sender().bareJid();
        return jid.isPresent() && room.occupants().stream()
                .filter(occupant -> occupant.realJid().map(jid.get()::equalsIgnoreCase).orElse(false))
                .anyMatch(occupant -> occupant.role() == Role.MODERATOR || occupant.affiliation() == Affiliation.OWNER
                        || occupant.affiliation() == Affiliation.ADMIN);
    }

    private void carryOut(CommandInvocation invocation, RoomHandle room, long number, boolean accept, String reason) {
        Optional<ModerationCase> found = book.find(room.roomJid(), number);
        Optional<Appeal> appeal = records.find(room.roomJid(), number);
        if (found.isEmpty() || appeal.isEmpty()) {
            invocation.replyPrivately(context.texts().privatelyTo(invocation).format("appeal.gone", Long.toString(number)));
            return;
        }
        ModerationCase entry = found.get();
        String actor = invocation.sender().displayName()
                + invocation.sender().bareJid().map(jid -> " (" + jid + ")").orElse("");
        if (!records.decide(room.roomJid(), appeal.get().decided(accept, actor, reason, context.clock().instant()))) {
            invocation.replyPrivately(context.texts().privatelyTo(invocation).format("appeal.decided-already",
                    Long.toString(number)));
            return;
        }
        CompletionStage<String> lifted = accept ? lift(room, entry) : CompletableFuture.completedFuture("");
        // A block list's ban lifted on appeal: the list would ban them again at their next join, so it leaves them be.
        Optional<String> listBanned = entry.realJid().filter(jid -> accept
                && List.of(entry.rule().split("\\+")).contains(BlockLists.RULE));
        lifted.thenAccept(lift -> {
            String done = listBanned.isPresent() ? lift + "+blocklist-exempt" : lift;
            long liftCase = accept ? sanctions.recordCase(room, offenderOf(entry), "appeal #" + number, reason,
                    done, actor, "", false).number() : 0;
            listBanned.ifPresent(jid -> exemptions.exempt(room.roomJid(), jid, actor, liftCase,
                    "appeal of case #" + number + " accepted"));
            String where = AppealDesk.name(room);
            String verdict = accept ? "accepted: " + done.replace("+", ", ") : "rejected: the sanction stays";
            Optional<Sanction> sanction = AppealDesk.sanctionOf(entry);
            Wording appellant = context.texts().privatelyTo(room, appeal.get().nick());
            String after = !accept ? "" : sanction.filter(s -> s == Sanction.BAN || s == Sanction.KICK).isPresent()
                    ? appellant.format("appeal.after.come-back") : sanction.filter(Sanction.MUTE::equals).isPresent()
                    ? appellant.format("appeal.after.speak") : "";
            tell(room, appeal.get(), appellant.format(accept ? "appeal.decided.accepted" : "appeal.decided.rejected",
                    where, Long.toString(number), reason.isBlank() ? "" : appellant.format("appeal.decided.reason", reason),
                    after));
            context.publish(new AppealDecidedEvent(room.roomJid(), number, appeal.get().appellantJid(), entry.nick(),
                    accept, actor, reason, context.clock().instant()));
            context.logger(room.roomJid()).info("Case #{}: appeal {} by {}", number, verdict, actor);
            // The shared ban list is the moderators' own decision across rooms: an appeal here does not undo it.
            Optional<String> shared = entry.realJid().filter(jid -> accept
                    && book.globallyBanned(jid, context.clock().instant()));
            Wording answer = context.texts().replyTo(invocation);
            invocation.reply(answer.format("appeal.answer", Long.toString(number), entry.nick(),
                    accept ? answer.format("appeal.verdict.accepted",
                            CaseActions.shown(answer, done).replace(" + ", ", ").replace("+", ", "))
                            : answer.format("appeal.verdict.rejected"),
                    Answers.caseNumber(answer, liftCase),
                    shared.map(jid -> answer.format("appeal.still-shared", jid)).orElse("")));
        });
    }

    /**
     * Lifts what the case did and pardons the points, as {@code !unban}, {@code !unmute} and {@code !pardon} do;
     * says what was done ({@code unban+pardon}).
     */
    private CompletionStage<String> lift(RoomHandle room, ModerationCase entry) {
        Offender offender = offenderOf(entry);
        Set<String> keys = new LinkedHashSet<>(PardonTarget.resolve(room, entry.realJid().orElse(entry.nick()), book)
                .keys());
        keys.add(entry.offenderKey());
        book.clearPoints(room.roomJid(), keys);
        book.pending(room.roomJid(), entry.number()).ifPresent(pending -> {
            expiry.cancel(room.roomJid(), pending.expiryJob());
            book.deletePending(room.roomJid(), entry.number());
        });
        Sanction sanction = AppealDesk.sanctionOf(entry).orElse(Sanction.WARN);
        return switch (sanction) {
            case BAN -> {
                if (entry.realJid().isEmpty()) {
                    yield CompletableFuture.completedFuture("pardon (no real JID to unban)");
                }
                String jid = entry.realJid().get();
                sanctions.publisher().lifted(jid); // a ban lifted on appeal leaves the list the bot publishes too
                expiry.lifted(room.roomJid(), Sanction.BAN, banned -> banned.realJid().map(jid::equalsIgnoreCase)
                        .orElse(false));
                yield room.unban(jid).thenApply(result -> done("unban", result));
            }
            case MUTE -> {
                book.deleteMute(room.roomJid(), offender.key());
                expiry.lifted(room.roomJid(), Sanction.MUTE, muted -> muted.key().equals(offender.key()));
                MuteNotices.ended(context, room.roomJid(), offender, "appeal");
                Optional<String> present = room.occupants().stream().filter(occupant -> occupant.role() == Role.VISITOR)
                        .filter(occupant -> AppealDesk.belongsTo(entry, occupant.realJid(), Optional.of(occupant)))
                        .map(org.majordome.api.event.Occupant::nick).findFirst();
                yield present.map(nick -> room.grantVoice(nick).thenApply(result -> done("unmute", result)))
                        .orElse(CompletableFuture.completedFuture("unmute+pardon"));
            }
            default -> CompletableFuture.completedFuture("pardon");
        };
    }

    private static String done(String lift, ActionResult result) {
        return (result.succeeded() ? lift : lift + " " + Enforcer.explain(result)) + "+pardon";
    }

    /** Tells the appellant: by direct message to their real JID, else privately through the room. */
    private void tell(RoomHandle room, Appeal appeal, String text) {
        if (appeal.appellantJid().isPresent()) {
            context.directChat().send(appeal.appellantJid().get(), text);
        } else if (room.occupant(appeal.nick()).isPresent()) {
            room.sendPrivate(appeal.nick(), text);
        }
    }

    private static Offender offenderOf(ModerationCase entry) {
        return new Offender(entry.offenderKey(), entry.nick(), entry.realJid(), entry.occupantId());
    }
}
