package org.majordome.plugins.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

import org.majordome.api.DurationText;
import org.majordome.api.PluginContext;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.event.Occupant;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.text.Wording;
import org.majordome.plugins.moderation.ModerationConfig.Sanction;

/**
 * What the moderators' commands do (the plugin declares them): sanctions carried out like automatic ones
 * (fallbacks included) and recorded as cases, their early end, the shared ban list, reading cases, pardons.
 */
final class ModeratorCommands {

    private static final int LISTED_CASES = 10;

    private final PluginContext<ModerationConfig> context;
    private final CaseBook book;
    private final Sanctions sanctions;
    private final SanctionExpiry expiry;
    private final Function<String, RoomWatch> watches;
    private final Supplier<Set<String>> roomsSeen;
    private BlockLists blockLists;
    private BlockListExemptions exemptions;

    ModeratorCommands(PluginContext<ModerationConfig> context, CaseBook book, Sanctions sanctions,
                      SanctionExpiry expiry, Function<String, RoomWatch> watches, Supplier<Set<String>> roomsSeen) {
        this.context = context;
        this.book = book;
        this.sanctions = sanctions;
        this.expiry = expiry;
        this.watches = watches;
        this.roomsSeen = roomsSeen;
    }

    /** The block lists, whose exemptions {@code !unban}, {@code !case} and {@code !blocklist} handle; set at start. */
    void blockLists(BlockLists lists, BlockListExemptions listExemptions) {
        this.blockLists = lists;
        this.exemptions = listExemptions;
    }

    void warn(CommandInvocation invocation) {
        withOccupant(invocation, (room, offender) -> command(invocation, room, offender, Sanction.WARN,
                Duration.ZERO, invocation.argumentsFrom(1)));
    }

    void mute(CommandInvocation invocation) {
        withOccupant(invocation, (room, offender) -> {
            Optional<Duration> duration = invocation.argument(1).flatMap(DurationText::parse);
            String reason = invocation.argumentsFrom(duration.isPresent() ? 2 : 1);
            command(invocation, room, offender, Sanction.MUTE,
                    duration.orElse(watches.apply(room.roomJid()).policy().defaultMute()), reason);
        });
    }

    void unmute(CommandInvocation invocation) {
        withOccupant(invocation, (room, offender) -> liftMute(room, offender, actor(invocation)).thenAccept(lifted ->
                invocation.reply(Answers.unmuted(texts(invocation), offender.nick(), lifted.result(),
                        lifted.caseNumber()))));
    }

    /** What lifting a sanction early did in the room asked: the server's answer and the case recorded. */
    record Lifted(ActionResult result, long caseNumber, boolean wasGlobal, boolean listed) {
    }

    /** Ends a mute early ({@code !unmute}, or an operator in the console), recorded as a case naming the actor. */
    CompletionStage<Lifted> liftMute(RoomHandle room, Offender offender, String actor) {
        book.deleteMute(room.roomJid(), offender.key());
        expiry.cancel(room.roomJid(), "unmute:" + offender.key());
        expiry.lifted(room.roomJid(), Sanction.MUTE, muted -> muted.key().equals(offender.key()));
        MuteNotices.ended(context, room.roomJid(), offender, "unmuted");
        return room.grantVoice(offender.nick()).thenApply(result -> {
            ModerationCase entry = sanctions.recordCase(room, offender, "manual", "", result.succeeded() ? "unmute"
                    : "unmute " + Enforcer.explain(result), actor, "", false);
            return new Lifted(result, entry.number(), false, false);
        });
    }

    void kick(CommandInvocation invocation) {
        withOccupant(invocation, (room, offender) -> command(invocation, room, offender, Sanction.KICK,
                Duration.ZERO, invocation.argumentsFrom(1)));
    }

    void ban(CommandInvocation invocation) {
        RoomHandle room = invocation.room().orElseThrow();
        List<String> arguments = new ArrayList<>(invocation.arguments());
        boolean everywhere = arguments.remove("--all");
        String target = arguments.getFirst();
        Offender offender = room.occupant(target).map(Offender::of)
                .or(() -> target.contains("@") ? Optional.of(Offender.ofJid(target)) : Optional.empty()).orElse(null);
        if (offender == null) {
            invocation.reply(texts(invocation).format("no-occupant.ban", target));
            return;
        }
        Optional<Duration> duration = arguments.size() > 1 ? DurationText.parsePositive(arguments.get(1)) : Optional.empty();
        String reason = String.join(" ", arguments.subList(duration.isPresent() ? 2 : 1, arguments.size()));
        Duration length = duration.orElse(Duration.ZERO);
        if (!everywhere) {
            command(invocation, room, offender, Sanction.BAN, length, reason);
            return;
        }
        if (offender.realJid().isEmpty()) {
            invocation.reply(texts(invocation).format("ban-all.no-jid", target));
            return;
        }
        String jid = offender.realJid().get();
        book.putGlobalBan(jid, reason, length.isZero() ? Optional.empty()
                : Optional.of(context.clock().instant().plus(length)));
        Set<String> rooms = new LinkedHashSet<>();
        rooms.add(room.roomJid());
        rooms.addAll(book.knownRooms());
        rooms.addAll(roomsSeen.get());
        for (String roomJid : rooms) {
            context.rooms().room(roomJid).ifPresent(other -> command(invocation, other,
                    other == room ? offender : Offender.ofJid(jid), Sanction.BAN, length, reason + " (--all)"));
        }
    }

    void unban(CommandInvocation invocation) {
        RoomHandle room = invocation.room().orElseThrow();
        String jid = TextNormalizer.lower(invocation.argument(0).orElseThrow());
        liftBan(room, jid, actor(invocation)).thenAccept(lifted -> invocation.reply(Answers.unbanned(texts(invocation),
                jid, lifted.result(), lifted.caseNumber(), lifted.wasGlobal())
                + (lifted.listed() ? texts(invocation).format("answer.unbanned.exempt", jid) : "")));
    }

    /**
     * Lifts a ban ({@code !unban}, or an operator in the console): in this room, and in every room when the JID was on
     * the shared ban list; each room's unban is a case naming the actor. Completes with this room's.
     */
    CompletionStage<Lifted> liftBan(RoomHandle room, String bareJid, String actor) {
        String jid = TextNormalizer.lower(bareJid);
        boolean wasGlobal = book.deleteGlobalBan(jid);
        sanctions.publisher().lifted(jid);
        Set<String> rooms = new LinkedHashSet<>();
        rooms.add(room.roomJid());
        if (wasGlobal) {
            rooms.addAll(book.knownRooms());
            rooms.addAll(roomsSeen.get());
        }
        CompletableFuture<Lifted> asked = new CompletableFuture<>();
        for (String roomJid : rooms) {
            Optional<RoomHandle> handle = roomJid.equals(room.roomJid()) ? Optional.of(room) : context.rooms().room(roomJid);
            handle.ifPresent(other -> {
                expiry.cancel(roomJid, "unban:jid:" + jid);
                expiry.lifted(roomJid, Sanction.BAN, banned -> banned.realJid().map(jid::equals).orElse(false));
                // A list that names them would ban them again at their next join: the moderator's unban exempts them.
                boolean listed = blockLists.names(other, jid);
                other.unban(jid).thenAccept(result -> {
                    ModerationCase entry = sanctions.recordCase(other, Offender.ofJid(jid), "manual", "",
                            (result.succeeded() ? "unban" : "unban " + Enforcer.explain(result))
                                    + (listed ? "+blocklist-exempt" : ""), actor, "", false);
                    if (listed) {
                        exemptions.exempt(other.roomJid(), jid, actor, entry.number(), "unbanned");
                    }
                    if (roomJid.equals(room.roomJid())) {
                        asked.complete(new Lifted(result, entry.number(), wasGlobal, listed));
                    }
                }).exceptionally(failed -> {
                    if (roomJid.equals(room.roomJid())) {
                        asked.completeExceptionally(failed);
                    }
                    return null;
                });
            });
        }
        return asked;
    }

    void showCase(CommandInvocation invocation) {
        RoomHandle room = invocation.room().orElseThrow();
        String number = invocation.argument(0).orElseThrow().replace("#", "");
        Optional<ModerationCase> found;
        try {
            found = book.find(room.roomJid(), Long.parseLong(number));
        } catch (NumberFormatException e) {
            invocation.reply(texts(invocation).format("usage.case"));
            return;
        }
        AppealRecords appeals = new AppealRecords(context.storage());
        Wording privately = context.texts().privatelyTo(invocation);
        invocation.replyPrivately(found.map(entry -> entry.details(privately) + appeals.find(room.roomJid(),
                entry.number()).map(appeal -> appeal.details(privately)).orElse("")
                + entry.realJid().flatMap(jid -> exemptions.find(room.roomJid(), jid))
                        .map(exempt -> " — " + exempt.describe(privately)).orElse(""))
                .orElse(context.texts().privatelyTo(invocation).format("no-case", number)));
    }

    /** {@code !blocklist [exempt|unexempt <jid>]}: the room's exemptions from the block lists. */
    void blocklist(CommandInvocation invocation) {
        RoomHandle room = invocation.room().orElseThrow();
        String action = invocation.argument(0).orElse("");
        Optional<String> jid = invocation.argument(1).map(TextNormalizer::lower).filter(text -> text.contains("@"));
        if (action.isEmpty()) {
            List<BlockListExemptions.Exemption> all = exemptions.all(room.roomJid());
            invocation.replyPrivately(all.isEmpty() ? context.texts().privatelyTo(invocation).format("blocklist.none")
                    : String.join("\n", all.stream().map(exempt -> exempt.describe(context.texts()
                            .privatelyTo(invocation))).toList()));
        } else if (action.equals("exempt") && jid.isPresent()) {
            ModerationCase entry = sanctions.recordCase(room, Offender.ofJid(jid.get()), "manual", "",
                    "blocklist-exempt", actor(invocation), "", false);
            exemptions.exempt(room.roomJid(), jid.get(), actor(invocation), entry.number(), "exempted");
            invocation.reply(texts(invocation).format("blocklist.exempted", jid.get(),
                    Answers.caseNumber(texts(invocation), entry.number())));
        } else if (action.equals("unexempt") && jid.isPresent()) {
            if (!exemptions.remove(room.roomJid(), jid.get())) {
                invocation.reply(texts(invocation).format("blocklist.not-exempt", jid.get()));
                return;
            }
            ModerationCase entry = sanctions.recordCase(room, Offender.ofJid(jid.get()), "manual", "",
                    "blocklist-unexempt", actor(invocation), "", false);
            invocation.reply(texts(invocation).format("blocklist.unexempted", jid.get(),
                    Answers.caseNumber(texts(invocation), entry.number())));
            blockLists.unexempted(room); // if they are present and listed, now
        } else {
            invocation.reply(texts(invocation).format("usage.blocklist"));
        }
    }

    void listCases(CommandInvocation invocation) {
        RoomHandle room = invocation.room().orElseThrow();
        Optional<String> who = invocation.argument(0);
        Optional<String> key = who.flatMap(room::occupant).map(occupant -> Offender.of(occupant).key());
        List<ModerationCase> cases = book.latest(room.roomJid(), entry -> who.isEmpty()
                || key.map(entry.offenderKey()::equals).orElse(false)
                || entry.nick().equals(who.get())
                || entry.realJid().map(jid -> jid.equalsIgnoreCase(who.get())).orElse(false), LISTED_CASES);
        if (cases.isEmpty()) {
            invocation.replyPrivately(who.map(name -> context.texts().privatelyTo(invocation).format("no-cases.of", name))
                    .orElseGet(() -> context.texts().privatelyTo(invocation).format("no-cases")));
            return;
        }
        Wording privately = context.texts().privatelyTo(invocation);
        invocation.replyPrivately(String.join("\n", cases.stream().map(entry -> entry.summary(privately)).toList()));
    }

    void pardon(CommandInvocation invocation) {
        RoomHandle room = invocation.room().orElseThrow();
        String target = invocation.argument(0).orElseThrow();
        ModerationCase entry = pardon(room, target, invocation.argumentsFrom(1), actor(invocation));
        invocation.reply(Answers.pardoned(texts(invocation), entry.nick(), entry.number()));
    }

    /** Clears someone's points ({@code !pardon}, or an operator in the console); returns the case naming the actor. */
    ModerationCase pardon(RoomHandle room, String target, String reason, String actor) {
        PardonTarget pardoned = PardonTarget.resolve(room, target, book);
        Offender offender = pardoned.offender();
        book.clearPoints(room.roomJid(), pardoned.keys());
        // A pardoned person is no longer one the keeper's other rooms should keep out.
        offender.realJid().ifPresent(sanctions.publisher()::lifted);
        return sanctions.recordCase(room, offender, "manual", reason, "pardon", actor, "", false);
    }

    /** A moderator's sanction: carried out like an automatic one (fallbacks included), recorded, answered. */
    private void command(CommandInvocation invocation, RoomHandle room, Offender offender, Sanction sanction,
                         Duration duration, String reason) {
        sanctions.manual(room, watches.apply(room.roomJid()).policy(), offender, sanction, duration, reason, actor(invocation), "manual")
                .thenAccept(settled -> invocation.reply(Answers.sanction(texts(invocation), offender.nick(), sanction,
                        settled, reason,
                        invocation.room().filter(asked -> !asked.roomJid().equals(room.roomJid()))
                                .map(asked -> room.title().orElse(room.roomJid().split("@", 2)[0])))));
    }

    /** The wording of the answer to a command: the room's, or the sender's privately. */
    private Wording texts(CommandInvocation invocation) {
        return context.texts().replyTo(invocation);
    }

    /** Runs the action on the occupant named by the first argument, or says there is none. */
    private void withOccupant(CommandInvocation invocation, OccupantAction action) {
        RoomHandle room = invocation.room().orElseThrow();
        String nick = invocation.argument(0).orElseThrow();
        Optional<Occupant> occupant = room.occupant(nick);
        if (occupant.isEmpty()) {
            invocation.reply(texts(invocation).format("no-occupant", nick));
            return;
        }
        action.run(room, Offender.of(occupant.get()));
    }

    @FunctionalInterface
    private interface OccupantAction {
        void run(RoomHandle room, Offender offender);
    }

    private static String actor(CommandInvocation invocation) {
        return invocation.sender().displayName()
                + invocation.sender().bareJid().map(jid -> " (" + jid + ")").orElse("");
    }
}
