package org.majordome.plugins.gate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.majordome.api.OnEvent;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.command.Permission;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.DirectMessageReceivedEvent;
import org.majordome.api.event.GateFailedEvent;
import org.majordome.api.event.GatePassedEvent;
import org.majordome.api.event.MuteEndedEvent;
import org.majordome.api.event.MuteStartedEvent;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.OccupantAffiliationChangedEvent;
import org.majordome.api.event.OccupantJoinedEvent;
import org.majordome.api.event.OccupantLeftEvent;
import org.majordome.api.event.OccupantNickChangedEvent;
import org.majordome.api.event.OccupantRoleChangedEvent;
import org.majordome.api.event.PrivateMessageReceivedEvent;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomJoinedEvent;
import org.majordome.api.room.Feature;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.text.Wording;
import org.majordome.api.schedule.PluginScheduler;
import org.majordome.api.storage.KeyValueStore;
import org.majordome.api.storage.ValueCodec;
import org.majordome.plugins.gate.RoomGate.Visitor;

/** Keeps first-time visitors voiceless until they pass the room's check; see the package documentation. */
public final class GatePlugin implements Plugin<GateConfig> {

    /** The job that lets in the visitors whose wait is over; re-armed for the next one. */
    static final String WAIT_JOB = "wait-over";
    static final String PASSED = "passed/";
    static final String FAILED = "failed/";
    static final String TRIES = "tries/";

    private final Map<String, RoomGate> gates = new ConcurrentHashMap<>();
    private volatile PluginContext<GateConfig> context;
    private volatile MuteHolds mutes;
    private volatile GateCommands commands;

    @Override
    public String id() {
        return "gate";
    }

    @Override
    public Class<GateConfig> configType() {
        return GateConfig.class;
    }

    @Override
    public void start(PluginContext<GateConfig> context) {
        this.context = context;
        this.mutes = new MuteHolds(context.storage());
        this.commands = new GateCommands(context, this, mutes);
        try {
            context.adminCommands().offer(new GateAdminStatus(
                    () -> context.enabledRooms().stream().map(RoomHandle::roomJid).toList(), this::describe,
                    context.texts()));
        } catch (UnsupportedOperationException none) {
            context.logger().debug("no administration commands here: gate/status not offered");
        }
    }

    @OnEvent
    public void onJoin(OccupantJoinedEvent event) {
        Optional<RoomHandle> found = context.rooms().room(event.roomJid());
        Occupant who = event.occupant();
        if (found.isEmpty() || who.nick().equals(found.get().botNick()) || exempt(who)) {
            return;
        }
        RoomHandle room = found.get();
        GateConfig settings = context.config().forRoom(room.roomJid());
        Optional<String> identity = Identities.of(who);
        KeyValueStore store = context.storage().room(room.roomJid());
        if (identity.isPresent() && store.get(PASSED + identity.get()).isPresent()) {
            // A known visitor: the gate is not for them. A moderated room lets them in voiceless all the same;
            // unless moderation holds them muted (leaving does not end a mute).
            if (who.role() == Role.VISITOR && !mutes.holds(room.roomJid(), who, context.clock().instant())) {
                room.grantVoice(who.nick());
            }
            return;
        }
        RoomGate gate = gate(room.roomJid());
        Instant now = context.clock().instant();
        synchronized (gate) {
            if (!room.supports(Feature.MODERATED) && !gate.warnedUnmoderated) {
                gate.warnedUnmoderated = true;
                context.logger(room.roomJid()).warn("the room does not say it is moderated: the gate takes voice "
                        + "from first-time visitors, but some servers (ejabberd) let a visitor speak in an unmoderated "
                        + "room; set the room's config.moderated: true");
            }
            // ejabberd lets newcomers in with voice even in a moderated room (members_by_default): take it back.
            if (who.role() != Role.VISITOR) {
                room.revokeVoice(who.nick());
            }
            if (identity.isPresent() && store.get(FAILED + identity.get()).isPresent()) {
                return; // used up their tries on an earlier visit, and were told then
            }
            int tries = identity.flatMap(id -> store.get(TRIES + id, ValueCodec.LONG)).orElse(0L).intValue();
            int question = Math.floorMod(identity.orElse(who.nick()).hashCode(), Math.max(1, settings.questions().size()));
            Visitor visitor = new Visitor(who, identity, now, question, tries);
            if (!gate.admit(who.nick(), visitor, settings.maxWaiting())) {
                if (!gate.warnedFull) {
                    gate.warnedFull = true;
                    context.logger(room.roomJid()).warn("{} visitors already wait at the gate (max-waiting): "
                            + "newcomers beyond stay voiceless until they come back", settings.maxWaiting());
                }
                return;
            }
            String instructions = switch (settings.check()) {
                case WAIT -> settings.waitText();
                case QUESTION -> settings.questionText();
                case BOTH -> settings.bothText();
            };
            visitor.told = GateMessages.tell(context.texts(), room, gate, settings, visitor, instructions, now);
        }
        if (settings.waits()) {
            letInWhoWaited(room.roomJid());
        }
    }

    @OnEvent
    public void onPrivateMessage(PrivateMessageReceivedEvent event) {
        answer(event.roomJid(), event.sender().nick(), event.message().body());
    }

    /** An answer sent to the bot's own JID: taken for the room where that JID waits (the bot must see real JIDs). */
    @OnEvent
    public void onDirectMessage(DirectMessageReceivedEvent event) {
        String identity = Identities.ofJid(event.senderBareJid());
        for (RoomHandle room : context.enabledRooms()) {
            RoomGate gate = gate(room.roomJid());
            Optional<String> nick;
            synchronized (gate) {
                nick = gate.nickOf(identity);
            }
            if (nick.isPresent()) {
                answer(room.roomJid(), nick.get(), event.message().body());
                return;
            }
        }
    }

    @OnEvent
    public void onLeave(OccupantLeftEvent event) {
        RoomGate gate = gate(event.roomJid());
        synchronized (gate) {
            gate.remove(event.occupant().nick()); // tries are in the store: leaving does not give new ones
        }
    }

    @OnEvent
    public void onNickChange(OccupantNickChangedEvent event) {
        RoomGate gate = gate(event.roomJid());
        synchronized (gate) {
            gate.rename(event.oldNick(), event.occupant());
        }
    }

    /** Voice given by someone else (a moderator) lets the visitor in: remembered as passed. */
    @OnEvent
    public void onRoleChange(OccupantRoleChangedEvent event) {
        if (event.newRole() == Role.PARTICIPANT || event.newRole() == Role.MODERATOR) {
            context.rooms().room(event.roomJid()).ifPresent(room -> {
                RoomGate gate = gate(room.roomJid());
                synchronized (gate) {
                    gate.visitor(event.occupant().nick()).ifPresent(visitor ->
                            pass(room, gate, event.occupant().nick(), visitor, "let-in", false));
                }
            });
        }
    }

    /** Made a member (or more): the gate is not for them any more. */
    @OnEvent
    public void onAffiliationChange(OccupantAffiliationChangedEvent event) {
        if (exempt(event.occupant())) {
            RoomGate gate = gate(event.roomJid());
            synchronized (gate) {
                gate.remove(event.occupant().nick());
            }
        }
    }

    /** Back in the room: who left while the bot was out is no longer at the gate. */
    @OnEvent
    public void onRejoin(RoomJoinedEvent event) {
        List<String> present = event.occupants().stream().map(Occupant::nick).toList();
        RoomGate gate = gate(event.roomJid());
        synchronized (gate) {
            gate.retainOnly(present);
        }
    }

    @Command(name = "gate", usage = "[let-in|forget <nick>]", permission = Permission.MODERATOR, maxArgs = 2,
            help = "Shows the newcomers' gate of this room, lets a visitor in, or forgets their pass.")
    public void gateCommand(CommandInvocation invocation) {
        commands.gateCommand(invocation);
    }

    /** Moderation muted someone: the gate must not give them voice while the mute holds. */
    @OnEvent
    public void onMuteStarted(MuteStartedEvent event) {
        mutes.started(event);
    }

    @OnEvent
    public void onMuteEnded(MuteEndedEvent event) {
        mutes.ended(event);
    }

    /** How the room's gate stands, in one line ({@code !gate}, {@code gate/status}), in the wording's language. */
    String describe(String roomJid, Wording wording) {
        RoomGate gate = gate(roomJid);
        synchronized (gate) {
            return GateStatus.describe(context.config().forRoom(roomJid), gate, wording);
        }
    }

    /**
     * Lets in the visitors whose wait is over. While some wait, a job sweeps the gate every tenth of the wait (from 1 s
     * to 30 s): one job per room whatever the number waiting, never re-armed by a join (a steady trickle of joins
     * would keep putting it off).
     */
    void letInWhoWaited(String roomJid) {
        Optional<RoomHandle> found = context.rooms().room(roomJid);
        if (found.isEmpty()) {
            return;
        }
        RoomHandle room = found.get();
        GateConfig settings = context.config().forRoom(roomJid);
        RoomGate gate = gate(roomJid);
        Instant now = context.clock().instant();
        synchronized (gate) {
            for (String nick : gate.dueBy(now, settings.waitTime(), settings.asks())) {
                gate.visitor(nick).ifPresent(visitor -> pass(room, gate, nick, visitor, "waited", true));
            }
            PluginScheduler scheduler = context.scheduler().room(roomJid);
            if (gate.nextWaitEnd(now, settings.waitTime()).isEmpty()) {
                scheduler.cancel(WAIT_JOB);
            } else if (scheduler.job(WAIT_JOB).isEmpty()) {
                scheduler.every(WAIT_JOB, sweepInterval(settings.waitTime()), firing -> letInWhoWaited(roomJid));
            }
        }
    }

    static Duration sweepInterval(Duration waitTime) {
        Duration tenth = waitTime.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : tenth.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : tenth;
    }

    private void answer(String roomJid, String nick, String body) {
        Optional<RoomHandle> found = context.rooms().room(roomJid);
        if (found.isEmpty()) {
            return;
        }
        RoomHandle room = found.get();
        GateConfig settings = context.config().forRoom(roomJid);
        RoomGate gate = gate(roomJid);
        Instant now = context.clock().instant();
        synchronized (gate) {
            Optional<Visitor> waiting = gate.visitor(nick);
            if (waiting.isEmpty() || !settings.asks() || waiting.get().answered) {
                return;
            }
            Visitor visitor = waiting.get();
            if (!visitor.told) {
                // The instructions were not sent (the message budget was spent in a flood): the question is the answer.
                visitor.told = GateMessages.tell(context.texts(), room, gate, settings, visitor, settings.questionText(), now);
                return;
            }
            GateConfig.Question question = settings.questions().get(visitor.question % settings.questions().size());
            KeyValueStore store = context.storage().room(roomJid);
            if (Answers.matches(body, question.answers())) {
                visitor.answered = true;
                if (!settings.waits() || !visitor.joinedAt.plus(settings.waitTime()).isAfter(now)) {
                    pass(room, gate, nick, visitor, "answered", true);
                } else {
                    GateMessages.tell(context.texts(), room, gate, settings, visitor, settings.answeredText(), now);
                }
                return;
            }
            visitor.tries++;
            visitor.identity.ifPresent(id -> store.put(TRIES + id, (long) visitor.tries, ValueCodec.LONG));
            if (visitor.tries < settings.tries()) {
                GateMessages.tell(context.texts(), room, gate, settings, visitor, settings.wrongText(), now);
                return;
            }
            gate.remove(nick);
            gate.failed++;
            visitor.identity.ifPresent(id -> store.put(FAILED + id, now, ValueCodec.INSTANT));
            GateMessages.tell(context.texts(), room, gate, settings, visitor, settings.failedText(), now);
            context.logger(roomJid).info("{} stays without voice: {} wrong answers at the gate", nick, visitor.tries);
            context.publish(new GateFailedEvent(roomJid, visitor.occupant, visitor.tries, now));
        }
    }

    /** Lets a visitor in (with voice, unless moderation holds them muted); the caller holds the gate's monitor. */
    void pass(RoomHandle room, RoomGate gate, String nick, Visitor visitor, String how, boolean giveVoice) {
        Instant now = context.clock().instant();
        GateConfig settings = context.config().forRoom(room.roomJid());
        gate.remove(nick);
        gate.passed++;
        KeyValueStore store = context.storage().room(room.roomJid());
        visitor.identity.ifPresent(id -> {
            store.put(PASSED + id, now, ValueCodec.INSTANT);
            store.delete(TRIES + id);
        });
        if (giveVoice && mutes.holds(room.roomJid(), visitor.occupant, now)) {
            context.logger(room.roomJid()).info("{} passed the gate but stays without voice: muted by the moderators",
                    nick);
        } else if (giveVoice) {
            room.grantVoice(nick);
            GateMessages.tell(context.texts(), room, gate, settings, visitor, settings.passedText(), now);
        }
        context.logger(room.roomJid()).info("{} passed the gate ({})", nick, how);
        context.publish(new GatePassedEvent(room.roomJid(), visitor.occupant, how, now));
    }

    /** Members, admins, owners and moderators never meet the gate. */
    static boolean exempt(Occupant occupant) {
        return occupant.role() == Role.MODERATOR || occupant.affiliation() == Affiliation.MEMBER
                || occupant.affiliation() == Affiliation.ADMIN || occupant.affiliation() == Affiliation.OWNER;
    }

    RoomGate gate(String roomJid) {
        return gates.computeIfAbsent(roomJid.toLowerCase(Locale.ROOT), jid -> new RoomGate());
    }
}
