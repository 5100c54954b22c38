package org.majordome.plugins.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.majordome.api.OnEvent;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.command.CommandScope;
import org.majordome.api.command.Permission;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.DirectMessageReceivedEvent;
import org.majordome.api.event.MessageStanza;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.OccupantJoinedEvent;
import org.majordome.api.event.OccupantNickChangedEvent;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomEvent;
import org.majordome.api.event.RoomJoinedEvent;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.api.room.MessageRef;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.storage.PluginStorage;
import org.majordome.api.text.Wording;
import org.majordome.plugins.moderation.ModerationConfig.Policy;
import org.majordome.plugins.moderation.ModerationConfig.Sanction;

/**
 * Automatic moderation, cases and moderator commands; see the package documentation. This class is the
 * plugin's face: it routes events to the rules ({@link RoomWatch}) and offences to {@link Sanctions}, and
 * declares the commands, which {@link ModeratorCommands} and {@link Lockdown} carry out.
 */
public final class ModerationPlugin implements Plugin<ModerationConfig> {

    private final Map<String, RoomWatch> watches = new ConcurrentHashMap<>();
    private final Set<String> roomsSeen = ConcurrentHashMap.newKeySet();
    private volatile PluginContext<ModerationConfig> context;
    private volatile CaseBook book;
    private volatile Sanctions sanctions;
    private volatile Reconciler reconciler;
    private volatile Lockdown lockdown;
    private volatile ModeratorCommands commands;
    private volatile AppealDesk appealDesk;
    private volatile AppealDecisions appealDecisions;
    private volatile BlockLists blockLists;
    private volatile BlockListExemptions exemptions;
    private final UnaryOperator<PluginStorage> storageView;

    /** The plugin as the bot loads it. */
    public ModerationPlugin() {
        this(UnaryOperator.identity());
    }

    /** With a view of the storage the case book goes through (tests count its reads and commits). */
    ModerationPlugin(UnaryOperator<PluginStorage> storageView) {
        this.storageView = storageView;
    }

    @Override
    public String id() {
        return "moderation";
    }

    @Override
    public Class<ModerationConfig> configType() {
        return ModerationConfig.class;
    }

    @Override
    public void start(PluginContext<ModerationConfig> context) {
        this.context = context;
        this.book = new CaseBook(storageView.apply(context.storage()));
        this.lockdown = new Lockdown(context, book, this::watch);
        BanPublisher publisher = new BanPublisher(context);
        SanctionExpiry expiry = new SanctionExpiry(context, book, lockdown, publisher);
        this.reconciler = new Reconciler(context, book, expiry);
        this.sanctions = new Sanctions(new Sanctions.Services(context, book, expiry, reconciler, publisher));
        this.exemptions = new BlockListExemptions(context);
        this.blockLists = new BlockLists(context, sanctions, jid -> watch(jid).policy(), this::exempt, exemptions);
        this.commands = new ModeratorCommands(context, book, sanctions, expiry, this::watch, () -> roomsSeen);
        commands.blockLists(blockLists, exemptions);
        AppealRecords appeals = new AppealRecords(context.storage());
        this.appealDesk = new AppealDesk(context, book, appeals);
        this.appealDecisions = new AppealDecisions(context, book, appeals, sanctions, expiry, exemptions);
        sanctions.onConcluded((room, offender, outcome, number) -> outcome.applied()
                .ifPresent(applied -> appealDesk.sanctioned(room, offender, applied, number)));
        blockLists.start();
        publisher.start();
        // The nick rules also speak at the web chat's nick chooser, before a visitor joins.
        context.checkNicks(new NickRefusals(context, this::watch));
        // Compile every room's word lists now, not on the first message; read its mutes now, not on the first join.
        context.rooms().all().forEach(room -> {
            watch(room.roomJid());
            book.load(room.roomJid());
        });
        context.scheduler().every("sweep", Duration.ofMinutes(1),
                firing -> watches.values().forEach(watch -> watch.sweep(context.clock().instant())));
        expiry.start();
        ModerationConsole.offer(context, book, commands);
        // Rooms already joined (a plugin restart) settle now; the others when the bot joins them.
        context.rooms().all().stream().filter(RoomHandle::joined).forEach(reconciler::reconcile);
    }

    // ---- automatic moderation ----

    @OnEvent
    public void message(RoomMessageReceivedEvent event) {
        seen(event);
        Optional<RoomHandle> handle = context.rooms().room(event.roomJid());
        if (handle.isEmpty() || event.sender().nick().equals(handle.get().botNick())) {
            return;
        }
        RoomHandle room = handle.get();
        RoomWatch watch = watch(event.roomJid());
        MessageStanza message = event.message();
        message.messageId().ifPresent(id -> message.stanzaId().ifPresent(stanzaId -> watch.rememberStanzaId(id, stanzaId,
                event.receivedAt())));
        if (exempt(event.sender(), watch.policy())) {
            return;
        }
        Offender offender = Offender.of(event.sender());
        List<Violation> violations = watch.check(offender, message.body(), room.occupants(), event.receivedAt());
        if (violations.isEmpty()) {
            return;
        }
        List<String> stanzaIds = new ArrayList<>();
        message.stanzaId().ifPresent(stanzaIds::add);
        // XEP-0308: a correction that breaks a rule takes the message it corrects with it.
        message.correctsId().flatMap(watch::stanzaIdOf).ifPresent(stanzaIds::add);
        sanctions.offence(room, watch.policy(), offender, violations, stanzaIds, Optional.of(MessageRef.of(event)),
                message.body());
    }

    @OnEvent
    public void joined(OccupantJoinedEvent event) {
        seen(event);
        Optional<RoomHandle> handle = context.rooms().room(event.roomJid());
        if (handle.isEmpty()) {
            return;
        }
        RoomHandle room = handle.get();
        RoomWatch watch = watch(event.roomJid());
        Occupant occupant = event.occupant();
        Offender offender = Offender.of(occupant);
        Instant now = event.receivedAt();
        if (watch.joined(offender, now)) {
            lockdown.joinFlood(room, watch);
        }
        if (occupant.role() == Role.MODERATOR) {
            appealDesk.moderatorJoined(room, occupant);
        }
        if (exempt(occupant, watch.policy())) {
            return;
        }
        if (blockLists.joined(room, occupant, watch.policy())) {
            return;
        }
        if (occupant.realJid().filter(jid -> book.globallyBanned(jid, now)).isPresent()) {
            sanctions.manual(room, watch.policy(), offender, Sanction.BAN, Duration.ZERO,
                    context.texts().in(room).format("reason.shared-ban-list"), Sanctions.BOT, "shared ban list");
            return;
        }
        Optional<Instant> muted = book.muteUntil(room.roomJid(), offender.key()).filter(until -> until.isAfter(now));
        if (muted.isPresent()) {
            // Leaving and coming back does not end a mute.
            Wording wording = context.texts().in(room);
            room.revokeVoice(occupant.nick(), wording.format("reason.still-muted", wording.moment(muted.get())));
        }
        checkNick(room, watch, offender);
    }

    @OnEvent
    public void nickChanged(OccupantNickChangedEvent event) {
        seen(event);
        Optional<RoomHandle> handle = context.rooms().room(event.roomJid());
        if (handle.isEmpty()) {
            return;
        }
        RoomWatch watch = watch(event.roomJid());
        Offender offender = Offender.of(event.occupant());
        if (offender.key().startsWith("nick:")) {
            String oldKey = "nick:" + event.oldNick();
            watch.renamed(oldKey, offender.key());
            book.movePoints(event.roomJid(), oldKey, offender.key());
        }
        if (!exempt(event.occupant(), watch.policy())) {
            checkNick(handle.get(), watch, offender);
        }
    }

    @OnEvent
    public void roomJoined(RoomJoinedEvent event) {
        seen(event);
        // Mutes and bans the bot decided but may not have seen through (it stopped, or got no answer).
        context.rooms().room(event.roomJid()).ifPresent(room -> {
            book.load(room.roomJid());
            reconciler.reconcile(room);
            blockLists.roomJoined(room);
        });
    }

    private void checkNick(RoomHandle room, RoomWatch watch, Offender offender) {
        List<Violation> violations = watch.checkNick(offender.nick(), room.occupants(), protectedNicks(room));
        if (!violations.isEmpty()) {
            sanctions.offence(room, watch.policy(), offender, violations, List.of(), Optional.empty(),
                    "nickname " + offender.nick());
        }
    }

    // ---- commands ----

    @Command(name = "warn", usage = "<nick> [reason]", help = "Warns an occupant and records a case.",
            permission = Permission.MODERATOR, minArgs = 1, scopes = {CommandScope.ROOM, CommandScope.PRIVATE})
    public void warn(CommandInvocation invocation) {
        commands.warn(invocation);
    }

    @Command(name = "mute", usage = "<nick> [duration] [reason]", help = "Takes an occupant's voice (default duration from the configuration).",
            permission = Permission.MODERATOR, minArgs = 1, scopes = {CommandScope.ROOM, CommandScope.PRIVATE})
    public void mute(CommandInvocation invocation) {
        commands.mute(invocation);
    }

    @Command(name = "unmute", usage = "<nick>", help = "Gives an occupant their voice back.",
            permission = Permission.MODERATOR, minArgs = 1, maxArgs = 1, scopes = {CommandScope.ROOM, CommandScope.PRIVATE})
    public void unmute(CommandInvocation invocation) {
        commands.unmute(invocation);
    }

    @Command(name = "kick", usage = "<nick> [reason]", help = "Removes an occupant from the room.",
            permission = Permission.MODERATOR, minArgs = 1, scopes = {CommandScope.ROOM, CommandScope.PRIVATE})
    public void kick(CommandInvocation invocation) {
        commands.kick(invocation);
    }

    @Command(name = "ban", usage = "<nick|jid> [duration] [reason] [--all]",
            help = "Bans someone (for a while, or for good without a duration); --all: in every room of the plugin.",
            permission = Permission.MODERATOR, minArgs = 1, scopes = {CommandScope.ROOM, CommandScope.PRIVATE})
    public void ban(CommandInvocation invocation) {
        commands.ban(invocation);
    }

    @Command(name = "unban", usage = "<jid>", help = "Lifts a ban here, and from the shared ban list.",
            permission = Permission.MODERATOR, minArgs = 1, maxArgs = 1, scopes = {CommandScope.ROOM, CommandScope.PRIVATE})
    public void unban(CommandInvocation invocation) {
        commands.unban(invocation);
    }

    @Command(name = "blocklist", usage = "[exempt|unexempt <jid>]",
            help = "Lists who the block lists leave alone here, or adds or removes such an exemption.",
            permission = Permission.MODERATOR, maxArgs = 2, scopes = {CommandScope.ROOM, CommandScope.PRIVATE})
    public void blocklist(CommandInvocation invocation) {
        commands.blocklist(invocation);
    }

    @Command(name = "case", usage = "<number>", help = "Shows one moderation case (answered privately).",
            permission = Permission.MODERATOR, minArgs = 1, maxArgs = 1, scopes = {CommandScope.ROOM, CommandScope.PRIVATE})
    public void showCase(CommandInvocation invocation) {
        commands.showCase(invocation);
    }

    @Command(name = "cases", usage = "[nick|jid]", help = "Lists the latest moderation cases, of someone or all (answered privately).",
            permission = Permission.MODERATOR, maxArgs = 1, scopes = {CommandScope.ROOM, CommandScope.PRIVATE})
    public void listCases(CommandInvocation invocation) {
        commands.listCases(invocation);
    }

    @Command(name = "pardon", usage = "<nick|jid> [reason]",
            help = "Clears someone's offence points, whoever the room knows them as, and records the pardon as a case.",
            permission = Permission.MODERATOR, minArgs = 1, scopes = {CommandScope.ROOM, CommandScope.PRIVATE})
    public void pardon(CommandInvocation invocation) {
        commands.pardon(invocation);
    }

    @Command(name = "lockdown", usage = "[duration]", help = "Locks the room down (moderated or members-only, as configured).",
            permission = Permission.MODERATOR, maxArgs = 1, scopes = {CommandScope.ROOM, CommandScope.PRIVATE})
    public void lockdown(CommandInvocation invocation) {
        lockdown.lockdownCommand(invocation);
    }

    @Command(name = "unlock", help = "Ends a lockdown.", permission = Permission.MODERATOR, maxArgs = 0,
            scopes = {CommandScope.ROOM, CommandScope.PRIVATE})
    public void unlockCommand(CommandInvocation invocation) {
        lockdown.unlockCommand(invocation);
    }

    @Command(name = "appeal", usage = "<case> <why> | accept|reject <case> [reason]",
            help = "Appeals your moderation case (e.g. in a direct message to the bot); moderators accept or reject an appeal.",
            minArgs = 1, scopes = {CommandScope.ROOM, CommandScope.PRIVATE, CommandScope.DIRECT})
    public void appeal(CommandInvocation invocation) {
        String first = invocation.argument(0).orElseThrow().toLowerCase(java.util.Locale.ROOT);
        if (first.equals("accept") || first.equals("reject")) {
            appealDecisions.decide(invocation, first.equals("accept"));
        } else {
            appealDesk.file(invocation);
        }
    }

    /** A plain direct message soon after the notice of a sanction is that case's appeal. */
    @OnEvent
    public void directMessage(DirectMessageReceivedEvent event) {
        appealDesk.directMessage(event);
    }

    // ---- helpers ----

    private boolean exempt(Occupant occupant, Policy policy) {
        return isStaff(occupant) || policy.exemptMembers() && occupant.affiliation() == Affiliation.MEMBER;
    }

    /** The nicks a look-alike may not imitate: the bot's, and those of the staff present. */
    static List<String> protectedNicks(RoomHandle room) {
        List<String> moderators = new ArrayList<>();
        moderators.add(room.botNick());
        room.occupants().stream().filter(ModerationPlugin::isStaff).map(Occupant::nick).forEach(moderators::add);
        return moderators;
    }

    /** Moderators, owners and admins: never actioned, and their nicks are protected from look-alikes. */
    private static boolean isStaff(Occupant occupant) {
        return occupant.role() == Role.MODERATOR || occupant.affiliation() == Affiliation.OWNER
                || occupant.affiliation() == Affiliation.ADMIN;
    }

    private RoomWatch watch(String roomJid) {
        String key = TextNormalizer.lower(roomJid);
        return watches.computeIfAbsent(key, jid -> new RoomWatch(context.config().policyFor(jid)));
    }

    private void seen(RoomEvent event) {
        String room = TextNormalizer.lower(event.roomJid());
        if (roomsSeen.add(room)) {
            book.rememberRoom(room);
        }
    }
}
