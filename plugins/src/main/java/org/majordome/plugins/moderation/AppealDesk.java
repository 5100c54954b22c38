package org.majordome.plugins.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import org.majordome.api.PluginContext;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.event.AppealFiledEvent;
import org.majordome.api.event.DirectMessageReceivedEvent;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.Role;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.text.Wording;
import org.majordome.plugins.moderation.AppealRecords.Notice;
import org.majordome.plugins.moderation.ModerationConfig.Sanction;

/**
 * Where sanctioned people appeal their cases ({@code !appeal <case> <why>} in a direct message, through the room, or
 * a plain reply to the notice of a sanction) and where appeals go: the room's staff room, else private messages to
 * its present moderators. Only the person a case names may appeal it (by real JID; through the room, by the
 * occupant id or real JID the case holds), a case has one appeal, and one person files at most
 * {@code appeals.max-appeals} per {@code appeals.per} (counted in memory: a restart forgets the count). The
 * moderators' answer is {@link AppealDecisions}' job.
 */
final class AppealDesk {

    private final PluginContext<ModerationConfig> context;
    private final CaseBook book;
    private final AppealRecords records;
    /** How many of a room's latest appeals a joining moderator's reminder looks at. */
    private static final int OPEN_APPEALS_SCANNED = 50;

    private final Map<String, Deque<Instant>> filings = new ConcurrentHashMap<>();

    AppealDesk(PluginContext<ModerationConfig> context, CaseBook book, AppealRecords records) {
        this.context = context;
        this.book = book;
        this.records = records;
    }

    /** {@code !appeal <case> <why>}. */
    void file(CommandInvocation invocation) {
        Optional<CaseRef> ref = invocation.argument(0).flatMap(CaseRef::parse);
        String text = invocation.argumentsFrom(1);
        Wording answer = context.texts().privatelyTo(invocation);
        if (ref.isEmpty() || text.isBlank()) {
            invocation.replyPrivately(answer.format("appeal.usage"));
            return;
        }
        Optional<String> jid = invocation.sender().bareJid().map(TextNormalizer::lower);
        Optional<Occupant> occupant = invocation.sender().occupant();
        List<RoomHandle> rooms = ref.get().room().isPresent() || invocation.room().isEmpty()
                ? ref.get().among(context.rooms().all()) : List.of(invocation.room().get());
        long number = ref.get().number();
        List<ModerationCase> found = rooms.stream().flatMap(room -> book.find(room.roomJid(), number).stream())
                .filter(entry -> belongsTo(entry, jid, occupant)).toList();
        if (found.isEmpty()) {
            invocation.replyPrivately(ref.get().room().map(room -> answer.format("appeal.no-case.in", Long.toString(number),
                    room)).orElseGet(() -> answer.format("appeal.no-case", Long.toString(number))));
            return;
        }
        if (found.size() > 1) {
            invocation.replyPrivately(answer.format("appeal.several-rooms", Long.toString(number),
                    found.getFirst().room().split("@", 2)[0]));
            return;
        }
        ModerationCase entry = found.getFirst();
        context.rooms().room(entry.room()).ifPresent(room -> fileOn(room, entry, jid, text, answer,
                invocation::replyPrivately));
    }

    /** A direct message that is no command: the appeal of the case whose notice its sender got just before. */
    void directMessage(DirectMessageReceivedEvent event) {
        String body = event.message().body();
        if (body == null || body.isBlank() || looksLikeCommand(body)) {
            return;
        }
        String jid = TextNormalizer.lower(event.senderBareJid());
        Optional<Notice> notice = records.notice(jid);
        if (notice.isEmpty()) {
            return;
        }
        records.deleteNotice(jid);
        Duration window = context.config().policyFor(notice.get().room()).appeals().replyWindow();
        if (event.receivedAt().isAfter(notice.get().at().plus(window))) {
            return;
        }
        Optional<RoomHandle> room = context.rooms().room(notice.get().room());
        Optional<ModerationCase> entry = book.find(notice.get().room(), notice.get().caseNumber())
                .filter(found -> belongsTo(found, Optional.of(jid), Optional.empty()));
        if (room.isPresent() && entry.isPresent()) {
            fileOn(room.get(), entry.get(), Optional.of(jid), body.strip(), context.texts().toUser(event.senderFullJid()),
                    answer -> context.directChat().send(event.senderFullJid(), answer));
        }
    }

    /** After a mute, kick or ban: tells the person, by direct message to their real JID, how to appeal. */
    void sanctioned(RoomHandle room, Offender offender, Sanction applied, long caseNumber) {
        AppealSettings settings = context.config().policyFor(room.roomJid()).appeals();
        if (caseNumber <= 0 || offender.realJid().isEmpty() || !settings.enabled()
                || applied != Sanction.MUTE && applied != Sanction.KICK && applied != Sanction.BAN) {
            return;
        }
        String jid = offender.realJid().get();
        Duration window = settings.replyWindow();
        // Their language as they wrote in the room, else the room's: the notice is about that room.
        Wording wording = context.texts().privatelyTo(room, offender.nick());
        String number = Long.toString(caseNumber);
        String how = window.isZero() ? wording.format("appeal.how", number)
                : wording.format("appeal.how.reply", number, wording.duration(window));
        String what = switch (applied) {
            case MUTE -> "mute";
            case KICK -> "kick";
            default -> "ban";
        };
        context.directChat().send(jid, wording.format("appeal.notice." + what, name(room), number, how));
        records.putNotice(jid, new Notice(room.roomJid(), caseNumber, context.clock().instant()));
    }

    private void fileOn(RoomHandle room, ModerationCase entry, Optional<String> jid, String text, Wording answer,
                        Consumer<String> reply) {
        AppealSettings settings = context.config().policyFor(room.roomJid()).appeals();
        long number = entry.number();
        String shownNumber = Long.toString(number);
        if (!settings.enabled()) {
            reply.accept(answer.format("appeal.not-taken", name(room)));
            return;
        }
        if (sanctionOf(entry).isEmpty()) {
            reply.accept(answer.format("appeal.no-sanction", shownNumber, name(room)));
            return;
        }
        Instant now = context.clock().instant();
        String who = jid.orElse(room.roomJid() + "/" + entry.offenderKey());
        Deque<Instant> times = filings.computeIfAbsent(who, key -> new ArrayDeque<>());
        synchronized (times) {
            times.removeIf(at -> !at.isAfter(now.minus(settings.per())));
            if (times.size() >= settings.maxAppeals()) {
                reply.accept(answer.format("appeal.too-many", times.size(), answer.duration(settings.per())));
                return;
            }
            Appeal appeal = Appeal.filed(number, jid.or(entry::realJid), entry.nick(), text, now);
            Optional<Appeal> existing = records.fileIfNone(room.roomJid(), appeal);
            if (existing.isPresent()) {
                reply.accept(existing.get().open() ? answer.format("appeal.already-open", shownNumber)
                        : answer.format("appeal.already-" + existing.get().state().name().toLowerCase(Locale.ROOT),
                                shownNumber));
                return;
            }
            times.addLast(now);
            int told = route(room, entry, appeal, settings);
            context.publish(new AppealFiledEvent(room.roomJid(), number, appeal.appellantJid(), entry.nick(),
                    entry.action(), appeal.text(), now));
            context.logger(room.roomJid()).info("Case #{}: appeal by {} ({} told)", number,
                    appeal.appellantJid().orElse(entry.nick()), told == 0 ? "no moderator present" : told + " told");
            reply.accept(answer.format(told == 0 ? "appeal.filed.nobody-present" : "appeal.filed", shownNumber,
                    name(room)));
        }
    }

    /** Posts the appeal in the staff room, else to each present moderator privately; how many were told. */
    private int route(RoomHandle room, ModerationCase entry, Appeal appeal, AppealSettings settings) {
        Function<Wording, String> line = wording -> wording.format("appeal.to-moderators", Long.toString(entry.number()),
                name(room), entry.nick() + appeal.appellantJid().map(jid -> " (" + jid + ")").orElse(""),
                CaseActions.shown(wording, entry.action()), appeal.text(), CaseRef.of(room, entry.number()));
        Optional<RoomHandle> staff = settings.staffRoom().flatMap(context.rooms()::room).filter(RoomHandle::joined);
        if (staff.isPresent()) {
            staff.get().send(line.apply(context.texts().in(staff.get())));
            return 1;
        }
        List<String> moderators = room.occupants().stream().filter(occupant -> occupant.role() == Role.MODERATOR)
                .map(Occupant::nick).filter(nick -> !nick.equals(room.botNick())).toList();
        moderators.forEach(nick -> room.sendPrivate(nick, line.apply(context.texts().privatelyTo(room, nick))));
        return moderators.size();
    }

    /**
     * A moderator entered a room whose appeals go to its moderators (no staff room): they are told, privately, of
     * the appeals still open, which may have been filed while no moderator was present.
     */
    void moderatorJoined(RoomHandle room, Occupant moderator) {
        AppealSettings settings = context.config().policyFor(room.roomJid()).appeals();
        if (!settings.enabled() || moderator.nick().equals(room.botNick())
                || settings.staffRoom().flatMap(context.rooms()::room).filter(RoomHandle::joined).isPresent()) {
            return;
        }
        List<Appeal> open = records.open(room.roomJid(), OPEN_APPEALS_SCANNED);
        if (!open.isEmpty()) {
            Wording wording = context.texts().privatelyTo(room, moderator.nick());
            room.sendPrivate(moderator.nick(), wording.format("appeal.open", String.join("; ", open.stream()
                    .map(appeal -> wording.format("appeal.open.item", Long.toString(appeal.caseNumber()), appeal.nick(),
                            appeal.text())).toList())));
        }
    }

    /**
     * Whether a case is the sender's: the real JID the case holds, or (through the room) the occupant id or real
     * JID it was held under. A nick alone proves nothing: anyone can take it.
     */
    static boolean belongsTo(ModerationCase entry, Optional<String> jid, Optional<Occupant> occupant) {
        if (entry.dryRun()) {
            return false;
        }
        boolean byJid = jid.flatMap(sender -> entry.realJid().map(sender::equalsIgnoreCase)).orElse(false);
        boolean byKey = occupant.map(Offender::of).map(Offender::key).filter(key -> !key.startsWith("nick:"))
                .map(entry.offenderKey()::equals).orElse(false);
        return byJid || byKey;
    }

    /**
     * The sanction a case carried out, read from its action ({@code remove+mute 10m}, {@code ban},
     * {@code unconfirmed: ban}); empty for what is no sanction (refused, not carried out, a lift, a pardon).
     */
    static Optional<Sanction> sanctionOf(ModerationCase entry) {
        String action = entry.action().toLowerCase(Locale.ROOT);
        if (entry.dryRun()) {
            return Optional.empty();
        }
        action = action.startsWith("unconfirmed: ") ? action.substring("unconfirmed: ".length()) : action;
        String last = action.startsWith("remove+") ? action.substring("remove+".length()) : action;
        String word = last.split("[ (]", 2)[0];
        return switch (word) {
            case "warn" -> Optional.of(Sanction.WARN);
            case "remove" -> Optional.of(Sanction.REMOVE);
            case "mute" -> Optional.of(Sanction.MUTE);
            case "kick" -> Optional.of(Sanction.KICK);
            case "ban" -> Optional.of(Sanction.BAN);
            default -> Optional.empty();
        };
    }

    /** A reply that starts like a command ({@code !help}, {@code .appeal}) is not taken as an appeal's text. */
    private static boolean looksLikeCommand(String body) {
        String text = body.strip();
        return text.length() > 1 && !Character.isLetterOrDigit(text.charAt(0)) && Character.isLetter(text.charAt(1));
    }

    static String name(RoomHandle room) {
        return room.title().orElse(room.roomJid().split("@", 2)[0]);
    }
}
