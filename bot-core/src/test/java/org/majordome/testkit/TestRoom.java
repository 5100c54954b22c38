package org.majordome.testkit;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.majordome.api.event.Affiliation;
import org.majordome.api.event.BotEvent;
import org.majordome.api.event.MessageStanza;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.OccupantAffiliationChangedEvent;
import org.majordome.api.event.OccupantBannedEvent;
import org.majordome.api.event.OccupantJoinedEvent;
import org.majordome.api.event.OccupantKickedEvent;
import org.majordome.api.event.OccupantLeftEvent;
import org.majordome.api.event.OccupantNickChangedEvent;
import org.majordome.api.event.OccupantRoleChangedEvent;
import org.majordome.api.event.PrivateMessageReceivedEvent;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomJoinedEvent;
import org.majordome.api.event.RoomLeftEvent;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.api.event.SubjectChangedEvent;
import org.majordome.api.event.VoiceDecision;
import org.majordome.api.event.VoiceRequest;
import org.majordome.api.event.VoiceRequestedEvent;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.AffiliationChange;
import org.majordome.api.room.AffiliationEntry;
import org.majordome.api.room.ConfigOverlay;
import org.majordome.api.room.Feature;
import org.majordome.api.room.MessageRef;
import org.majordome.api.room.RoomAffiliations;
import org.majordome.api.room.RoomHandle;

/**
 * A scripted multi-user chat room. A test plays the other occupants ({@link #join}, {@link #say},
 * {@link #leave}...), each of which delivers the matching event through the real dispatcher, and then reads
 * what the bot did ({@link #botSaid()}, {@link #actions()}, {@link #lastAction()}).
 *
 * <p>The room behaves like a cooperative XEP-0045 service: the bot's actions succeed and take effect (a kick
 * removes the occupant and is announced with an {@link OccupantKickedEvent}, a subject change with a
 * {@link SubjectChangedEvent}...), unless the test made the room answer otherwise with {@link #respond} or
 * {@link #withoutFeature}, or the bot is out of the room ({@link #botLeaves}). Acting on a nick nobody uses is
 * {@code Refused("item-not-found")}, as a server answers. The ban list ({@code banList()}) is the JIDs the
 * bot's bans made outcast; {@code respond(RoomAction.BanListRead.class, ...)} makes the room refuse it. The
 * affiliation lists ({@code affiliations()}) are what the bot's changes and {@link #holdsAffiliation} made them;
 * {@code respond(RoomAction.AffiliationChanged.class, ...)} makes the room refuse every change.
 * destruction ({@code destroy}) takes the bot out of the room with everyone ({@link #destroyed()}).
 */
public final class TestRoom {

    /** The bot's nick in every test room. */
    public static final String BOT_NICK = "majordome";

    /** One action the bot attempted and how the room answered it. */
    public record Attempt(RoomAction action, ActionResult result) {
    }

    private final String jid;
    private final PluginTestKit kit;
    private final Handle handle = new Handle();
    private final Map<String, Occupant> occupantsByNick = new LinkedHashMap<>();
    private final Map<String, Affiliation> affiliationsByJid = new HashMap<>();
    private final Set<Feature> features = EnumSet.allOf(Feature.class);
    private final Map<Class<? extends RoomAction>, ActionResult> answers = new HashMap<>();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final List<Consumer<RoomAction>> attemptChecks = new CopyOnWriteArrayList<>();
    private final AtomicInteger stanzaIds = new AtomicInteger();
    private final AtomicInteger occupantIds = new AtomicInteger();
    private volatile boolean botJoined = true;
    private volatile Optional<String> subject = Optional.empty();
    /** Completed when the bot is back in the room; what {@link RoomHandle#subject()} waits for while it is out. */
    private volatile CompletableFuture<Void> botBack = new CompletableFuture<>();
    private volatile Optional<String> title = Optional.empty();
    private volatile ZoneId timeZone = ZoneOffset.UTC;
    private volatile java.util.Locale language;
    private volatile boolean moderated;
    private volatile boolean membersOnly;
    private volatile boolean destroyed;
    /** Configuration overlays in force: name → the values they replaced (moderated, members-only). */
    private final Map<String, ConfigOverlay> overlaysPrevious = new LinkedHashMap<>();

    TestRoom(String jid, PluginTestKit kit) {
        this.jid = jid.toLowerCase(Locale.ROOT);
        this.kit = kit;
    }

    /** The room's bare JID, lower case. */
    public String jid() {
        return jid;
    }

    /** The handle plugins get for this room through {@code context.rooms()} and command invocations. */
    public RoomHandle handle() {
        return handle;
    }

    // ---- how the room behaves ----

    /**
     * Makes the room lack optional features. Without {@link Feature#MESSAGE_MODERATION}, moderating a
     * message is {@code NotSupported}; without {@link Feature#STABLE_STANZA_IDS}, messages carry no stanza id;
     * without {@link Feature#OCCUPANT_IDS}, occupants get no made-up occupant id. Every feature is on by default.
     */
    public TestRoom withoutFeature(Feature... missing) {
        synchronized (this) {
            List.of(missing).forEach(features::remove);
        }
        return this;
    }

    /** Gives the room a configured title, as {@code rooms[].title} does (none by default). */
    public TestRoom withTitle(String newTitle) {
        this.title = Optional.of(Objects.requireNonNull(newTitle, "newTitle"));
        return this;
    }

    /** Gives the room a language, as {@code rooms[].language} does (the kit's, English by default). */
    public TestRoom withLanguage(java.util.Locale newLanguage) {
        this.language = Objects.requireNonNull(newLanguage, "newLanguage");
        return this;
    }

    /**
     * The occupant's client declares this language on its messages ({@code xml:lang}), as the bot's intake
     * records it: private answers to them follow it.
     */
    public TestRoom declaresLanguage(String nick, String xmlLang) {
        kit.senderLanguages().record(jid + "/" + nick, xmlLang, false);
        return this;
    }

    /** The language plugins see ({@code RoomHandle.language()}); the kit's unless {@link #withLanguage} changed it. */
    public java.util.Locale language() {
        return language != null ? language : kit.language();
    }

    /** Gives the room a time zone, as {@code runtime.time-zone} does (UTC by default). */
    public TestRoom withTimeZone(ZoneId zone) {
        this.timeZone = Objects.requireNonNull(zone, "zone");
        return this;
    }

    /**
     * Gives the room a subject as it stands, set before the bot came (no event); rooms have none by default.
     * {@link RoomHandle#subject()} shows it.
     */
    public TestRoom withSubject(String text) {
        this.subject = Optional.of(Objects.requireNonNull(text, "text"));
        return this;
    }

    /**
     * Makes every later action of this kind end with {@code result} instead of succeeding, e.g.
     * {@code respond(RoomAction.Kicked.class, new ActionResult.Refused("forbidden", "not a moderator"))}.
     * A result other than {@code Done} has no effect on the room.
     */
    public TestRoom respond(Class<? extends RoomAction> kind, ActionResult result) {
        synchronized (this) {
            answers.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(result, "result"));
        }
        return this;
    }

    /**
     * Runs {@code check} on every action the bot attempts here, before the room answers it: to see what a
     * plugin had stored when an action left (tests of ordering), or to change the room as a server would.
     */
    public TestRoom onAttempt(Consumer<RoomAction> check) {
        attemptChecks.add(Objects.requireNonNull(check, "check"));
        return this;
    }

    /**
     * The room's affiliation list changes without the bot and without any event: another admin's change seen
     * later, or a ban that reached the server although its answer was lost.
     */
    public synchronized void setAffiliation(String realBareJid, Affiliation affiliation) {
        affiliationsByJid.put(realBareJid.toLowerCase(Locale.ROOT), affiliation);
    }

    // ---- what other occupants do ----

    /** A participant without affiliation joins. */
    public Occupant join(String nick, Role role) {
        return join(TestOccupant.nick(nick).role(role));
    }

    /** Someone joins with this role and affiliation. */
    public Occupant join(String nick, Role role, Affiliation affiliation) {
        return join(TestOccupant.nick(nick).role(role).affiliation(affiliation));
    }

    /** Someone joins, as described; the plugins get an {@link OccupantJoinedEvent}. */
    public Occupant join(TestOccupant who) {
        Occupant occupant;
        synchronized (this) {
            if (occupantsByNick.containsKey(who.nick())) {
                throw new IllegalStateException(who.nick() + " is already in " + jid + " (nick conflict)");
            }
            Optional<String> generatedId = features.contains(Feature.OCCUPANT_IDS)
                    ? Optional.of("occupant-" + occupantIds.incrementAndGet()) : Optional.empty();
            occupant = who.toOccupant(generatedId);
            occupantsByNick.put(occupant.nick(), occupant);
        }
        deliver(new OccupantJoinedEvent(jid, occupant, kit.clock().instant()));
        return occupant;
    }

    /** Someone leaves of their own accord. */
    public OccupantLeftEvent leave(String nick) {
        Occupant occupant;
        synchronized (this) {
            occupant = present(nick);
            occupantsByNick.remove(nick);
        }
        return deliver(new OccupantLeftEvent(jid, withRole(occupant, Role.NONE), Optional.empty(), kit.clock().instant()));
    }

    /** An occupant says something to the whole room; the message gets a stanza id when the room offers them. */
    public RoomMessageReceivedEvent say(String nick, String text) {
        Occupant sender = presentNow(nick);
        return deliver(new RoomMessageReceivedEvent(jid, sender, message(text), kit.clock().instant()));
    }

    /** An occupant writes privately to the bot through the room (XEP-0045 §7.5). */
    public PrivateMessageReceivedEvent sayPrivately(String nick, String text) {
        Occupant sender = presentNow(nick);
        return deliver(new PrivateMessageReceivedEvent(jid, sender, MessageStanza.ofBody(text), kit.clock().instant()));
    }

    /** An occupant takes another nick. */
    public OccupantNickChangedEvent changeNick(String oldNick, String newNick) {
        Occupant renamed;
        synchronized (this) {
            Occupant occupant = present(oldNick);
            if (occupantsByNick.containsKey(newNick)) {
                throw new IllegalStateException(newNick + " is already in " + jid + " (nick conflict)");
            }
            renamed = new Occupant(newNick, occupant.realJid(), occupant.occupantId(), occupant.role(),
                    occupant.affiliation());
            occupantsByNick.remove(oldNick);
            occupantsByNick.put(newNick, renamed);
        }
        return deliver(new OccupantNickChangedEvent(jid, renamed, oldNick, kit.clock().instant()));
    }

    /** Someone else (a human moderator) changes an occupant's role. */
    public OccupantRoleChangedEvent changeRole(String nick, Role newRole) {
        return deliver(setRole(nick, newRole));
    }

    /**
     * A visitor asks for voice (XEP-0045 §7.13); the event carries what the room's {@code voice-requests} policy
     * decided ({@link VoiceDecision#FORWARDED}, "left for the moderators", under the default policy).
     */
    public VoiceRequestedEvent requestVoice(String nick, VoiceDecision decision, String why) {
        Occupant requester = presentNow(nick);
        return deliver(new VoiceRequestedEvent(jid, requester,
                new VoiceRequest(nick, requester.realJid(), Role.PARTICIPANT), decision, why, kit.clock().instant()));
    }

    /** An occupant changes the subject. */
    public SubjectChangedEvent changeSubject(String nick, String newSubject) {
        presentNow(nick);
        Optional<String> old = subject;
        subject = Optional.of(newSubject);
        return deliver(new SubjectChangedEvent(jid, old, newSubject, Optional.of(nick), false, kit.clock().instant()));
    }

    /** The bot is out of the room (kicked, connection lost...); its actions there now end {@code Failed}. */
    public RoomLeftEvent botLeaves(RoomLeftEvent.Reason reason) {
        botJoined = false;
        return deliver(new RoomLeftEvent(jid, reason, "", kit.clock().instant()));
    }

    /** The bot is back in the room, with the occupants still there. */
    public RoomJoinedEvent botRejoins() {
        botJoined = true;
        RoomJoinedEvent joined = deliver(new RoomJoinedEvent(jid, BOT_NICK, false, occupants(), kit.clock().instant()));
        // Then, as a real room does, it shows its subject: whoever waited for it while the bot was out gets it.
        CompletableFuture<Void> waiting = botBack;
        botBack = new CompletableFuture<>();
        waiting.complete(null);
        return joined;
    }

    // ---- what the bot did ----

    /** The texts the bot sent to the whole room (plain messages and replies), oldest first. */
    public List<String> botSaid() {
        List<String> texts = new ArrayList<>();
        for (RoomAction action : actions()) {
            switch (action) {
                case RoomAction.Said said -> texts.add(said.text());
                case RoomAction.Replied replied -> texts.add(replied.text());
                default -> { }
            }
        }
        return texts;
    }

    /**
     * The texts the bot sent to the whole room as occupants read them: replies carry the address the runtime
     * adds ({@link org.majordome.api.room.Addressing}), e.g. {@code "alice: pong"}; oldest first.
     */
    public List<String> botSaidAsSeen() {
        List<String> texts = new ArrayList<>();
        for (RoomAction action : actions()) {
            switch (action) {
                case RoomAction.Said said -> texts.add(said.text());
                case RoomAction.Replied replied -> texts.add(replied.seen());
                default -> { }
            }
        }
        return texts;
    }

    /** The texts the bot sent privately to this nick through the room, oldest first. */
    public List<String> botSaidPrivatelyTo(String nick) {
        return actions().stream().filter(RoomAction.SentPrivately.class::isInstance).map(RoomAction.SentPrivately.class::cast)
                .filter(message -> message.toNick().equals(nick)).map(RoomAction.SentPrivately::text).toList();
    }

    /** Every action the bot carried out here (messages included), oldest first; refused ones are only in {@link #attempts()}. */
    public List<RoomAction> actions() {
        return attempts.stream().filter(attempt -> attempt.result().succeeded()).map(Attempt::action).toList();
    }

    /** The last action the bot carried out here. */
    public Optional<RoomAction> lastAction() {
        List<RoomAction> actions = actions();
        return actions.isEmpty() ? Optional.empty() : Optional.of(actions.getLast());
    }

    /** Every action the bot attempted here, with how the room answered, oldest first. */
    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Forgets what the bot did so far, e.g. after a test's setup. */
    public void clearActions() {
        attempts.clear();
    }

    /** Who is in the room now (the bot excluded), in joining order. */
    public synchronized List<Occupant> occupants() {
        return List.copyOf(occupantsByNick.values());
    }

    /** The occupant using this nick now. */
    public synchronized Optional<Occupant> occupant(String nick) {
        return Optional.ofNullable(occupantsByNick.get(nick));
    }

    /** The affiliation the room holds for a bare JID (changed by the bot's ban, membership and admin actions). */
    public synchronized Affiliation affiliation(String realBareJid) {
        return affiliationsByJid.getOrDefault(realBareJid.toLowerCase(Locale.ROOT), Affiliation.NONE);
    }

    /**
     * Puts a bare JID on one of the room's affiliation lists, as if someone had done it by hand: what
     * {@code affiliations().list(...)} then reads ({@code NONE} takes it off every list).
     */
    public synchronized TestRoom holdsAffiliation(String realBareJid, Affiliation affiliation) {
        affiliationsByJid.put(realBareJid.toLowerCase(Locale.ROOT), affiliation);
        return this;
    }

    /** One affiliation list as the room holds it, sorted by JID (no reasons: the test room keeps none). */
    public synchronized List<AffiliationEntry> affiliationList(Affiliation affiliation) {
        return affiliationsByJid.entrySet().stream().filter(entry -> entry.getValue() == affiliation)
                .map(Map.Entry::getKey).sorted()
                .map(bare -> new AffiliationEntry(bare, affiliation, Optional.empty())).toList();
    }

    /** The bare JIDs the room holds as outcast (banned), sorted. */
    public synchronized List<String> bannedJids() {
        return affiliationsByJid.entrySet().stream().filter(entry -> entry.getValue() == Affiliation.OUTCAST)
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The room's subject, if anyone set one during the test. */
    public Optional<String> subject() {
        return subject;
    }

    /**
     * Whether the room is moderated now (changed by the bot's {@code setModerated} or a configuration overlay;
     * false at first).
     */
    public boolean moderated() {
        return moderated;
    }

    /**
     * Whether the room is members-only now (changed by the bot's {@code setMembersOnly} or a configuration
     * overlay; false at first).
     */
    public boolean membersOnly() {
        return membersOnly;
    }

    /** Whether the bot destroyed the room ({@code RoomHandle.destroy}); the bot is then out of it. */
    public boolean destroyed() {
        return destroyed;
    }

    /** Whether the bot is in the room (true unless {@link #botLeaves} was called). */
    public boolean botJoined() {
        return botJoined;
    }

    // ---- internals ----

    private <E extends BotEvent> E deliver(E event) {
        kit.deliver(event);
        return event;
    }

    private MessageStanza message(String text) {
        boolean stamped;
        synchronized (this) {
            stamped = features.contains(Feature.STABLE_STANZA_IDS);
        }
        Optional<String> stanzaId = stamped ? Optional.of("stanza-" + stanzaIds.incrementAndGet()) : Optional.empty();
        return new MessageStanza(text, Optional.empty(), stanzaId, Optional.empty());
    }

    private synchronized Occupant presentNow(String nick) {
        return present(nick);
    }

    private Occupant present(String nick) {
        Occupant occupant = occupantsByNick.get(nick);
        if (occupant == null) {
            throw new IllegalStateException(nick + " is not in " + jid + "; join first (present: "
                    + occupantsByNick.keySet() + ")");
        }
        return occupant;
    }

    private OccupantRoleChangedEvent setRole(String nick, Role newRole) {
        synchronized (this) {
            Occupant occupant = present(nick);
            Occupant changed = withRole(occupant, newRole);
            occupantsByNick.put(nick, changed);
            return new OccupantRoleChangedEvent(jid, changed, occupant.role(), newRole, kit.clock().instant());
        }
    }

    private static Occupant withRole(Occupant occupant, Role role) {
        return new Occupant(occupant.nick(), occupant.realJid(), occupant.occupantId(), role, occupant.affiliation());
    }

    /** Runs an action against the room's rules; {@code effect} applies it and returns the events it causes. */
    private CompletionStage<ActionResult> act(RoomAction action, Supplier<Optional<String>> missingNick,
                                             Supplier<List<BotEvent>> effect) {
        attemptChecks.forEach(check -> check.accept(action));
        ActionResult result;
        synchronized (this) {
            result = answerTo(action, missingNick.get());
        }
        attempts.add(new Attempt(action, result));
        if (result.succeeded()) {
            effect.get().forEach(this::deliver);
        }
        return CompletableFuture.completedFuture(result);
    }

    private ActionResult answerTo(RoomAction action, Optional<String> missingNick) {
        if (!botJoined) {
            return new ActionResult.Failed("the bot is not in " + jid);
        }
        ActionResult configured = answers.get(action.getClass());
        if (configured != null) {
            return configured;
        }
        if (action instanceof RoomAction.MessageModerated && !features.contains(Feature.MESSAGE_MODERATION)) {
            return new ActionResult.NotSupported(jid + " does not offer XEP-0425 message moderation");
        }
        if (missingNick.isPresent()) {
            return new ActionResult.Refused("item-not-found", "no occupant " + missingNick.get() + " in " + jid);
        }
        return ActionResult.DONE;
    }

    private Supplier<Optional<String>> mustBePresent(String nick) {
        return () -> occupantsByNick.containsKey(nick) ? Optional.empty() : Optional.of(nick);
    }

    private static Supplier<Optional<String>> anyone() {
        return Optional::empty;
    }

    private static Supplier<List<BotEvent>> nothing() {
        return List::of;
    }

    private List<BotEvent> removeForKick(String nick, String reason) {
        synchronized (this) {
            Occupant occupant = occupantsByNick.remove(nick);
            if (occupant == null) {
                return List.of();
            }
            return List.of(new OccupantKickedEvent(jid, withRole(occupant, Role.NONE), Optional.of(BOT_NICK),
                    optionalText(reason), kit.clock().instant()));
        }
    }

    private List<BotEvent> changeAffiliation(String realBareJid, Affiliation newAffiliation, String reason) {
        String bare = realBareJid.toLowerCase(Locale.ROOT);
        List<BotEvent> events = new ArrayList<>();
        synchronized (this) {
            affiliationsByJid.put(bare, newAffiliation);
            for (Occupant occupant : List.copyOf(occupantsByNick.values())) {
                if (!occupant.realJid().map(jid -> jid.equalsIgnoreCase(bare)).orElse(false)) {
                    continue;
                }
                if (newAffiliation == Affiliation.OUTCAST) {
                    occupantsByNick.remove(occupant.nick());
                    events.add(new OccupantBannedEvent(jid, new Occupant(occupant.nick(), occupant.realJid(),
                            occupant.occupantId(), Role.NONE, Affiliation.OUTCAST), Optional.of(BOT_NICK),
                            optionalText(reason), kit.clock().instant()));
                } else {
                    Occupant changed = new Occupant(occupant.nick(), occupant.realJid(), occupant.occupantId(),
                            occupant.role(), newAffiliation);
                    occupantsByNick.put(occupant.nick(), changed);
                    events.add(new OccupantAffiliationChangedEvent(jid, changed, occupant.affiliation(), newAffiliation,
                            kit.clock().instant()));
                }
            }
        }
        return events;
    }

    private List<BotEvent> subjectSetByBot(String text) {
        Optional<String> old = subject;
        subject = Optional.of(text);
        return List.of(new SubjectChangedEvent(jid, old, text, Optional.of(BOT_NICK), true, kit.clock().instant()));
    }

    /** As the runtime does: the bot leaves with the reason as its status, then the room is gone with everyone. */
    private List<BotEvent> destroyedByBot(String reason) {
        synchronized (this) {
            destroyed = true;
            botJoined = false;
            occupantsByNick.clear();
        }
        return List.of(new RoomLeftEvent(jid, RoomLeftEvent.Reason.SHUTDOWN, reason == null ? "" : reason,
                kit.clock().instant()));
    }

    private static Optional<String> optionalText(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** What plugins hold: every call is recorded as an {@link Attempt} and answered by the room's rules. */
    private final class Handle implements RoomHandle {

        @Override
        public String roomJid() {
            return jid;
        }

        @Override
        public String botNick() {
            return BOT_NICK;
        }

        @Override
        public Optional<String> title() {
            return title;
        }

        @Override
        public ZoneId timeZone() {
            return timeZone;
        }

        @Override
        public java.util.Locale language() {
            return TestRoom.this.language();
        }

        @Override
        public boolean joined() {
            return botJoined;
        }

        @Override
        public boolean supports(Feature feature) {
            synchronized (TestRoom.this) {
                return features.contains(feature);
            }
        }

        @Override
        public List<Occupant> occupants() {
            return TestRoom.this.occupants();
        }

        @Override
        public Optional<Occupant> occupant(String nick) {
            return TestRoom.this.occupant(nick);
        }

        @Override
        public CompletionStage<ActionResult> send(String text) {
            return act(new RoomAction.Said(text), anyone(), nothing());
        }

        @Override
        public CompletionStage<ActionResult> reply(MessageRef message, String text) {
            return act(new RoomAction.Replied(message.authorNick(), text), anyone(), nothing());
        }

        @Override
        public CompletionStage<ActionResult> sendPrivate(String nick, String text) {
            return act(new RoomAction.SentPrivately(nick, text), mustBePresent(nick), nothing());
        }

        @Override
        public CompletionStage<ActionResult> kick(String nick, String reason) {
            return act(new RoomAction.Kicked(nick, reason), mustBePresent(nick), () -> removeForKick(nick, reason));
        }

        @Override
        public CompletionStage<ActionResult> ban(String realBareJid, String reason) {
            return act(new RoomAction.Banned(realBareJid, reason), anyone(),
                    () -> changeAffiliation(realBareJid, Affiliation.OUTCAST, reason));
        }

        @Override
        public CompletionStage<ActionResult> unban(String realBareJid) {
            return act(new RoomAction.Unbanned(realBareJid), anyone(),
                    () -> changeAffiliation(realBareJid, Affiliation.NONE, ""));
        }

        @Override
        public CompletionStage<ActionResult> grantVoice(String nick) {
            return act(new RoomAction.VoiceGranted(nick), mustBePresent(nick), () -> List.of(setRole(nick, Role.PARTICIPANT)));
        }

        @Override
        public CompletionStage<ActionResult> revokeVoice(String nick) {
            return act(new RoomAction.VoiceRevoked(nick), mustBePresent(nick), () -> List.of(setRole(nick, Role.VISITOR)));
        }

        @Override
        public CompletionStage<ActionResult> revokeVoice(String nick, String reason) {
            return act(new RoomAction.VoiceRevoked(nick, reason), mustBePresent(nick),
                    () -> List.of(setRole(nick, Role.VISITOR)));
        }

        @Override
        public CompletionStage<Optional<List<String>>> banList() {
            return act(new RoomAction.BanListRead(), anyone(), nothing()).thenApply(result -> result.succeeded()
                    ? Optional.of(bannedJids()) : Optional.empty());
        }

        @Override
        public RoomAffiliations affiliations() {
            return new RoomAffiliations() {
                @Override
                public CompletionStage<Optional<List<AffiliationEntry>>> list(Affiliation affiliation) {
                    return act(new RoomAction.AffiliationListRead(affiliation), anyone(), nothing())
                            .thenApply(result -> result.succeeded() && affiliation != Affiliation.NONE
                                    ? Optional.of(affiliationList(affiliation)) : Optional.empty());
                }

                @Override
                public CompletionStage<List<AffiliationChange.Result>> change(List<AffiliationChange> changes) {
                    List<AffiliationChange.Result> results = new ArrayList<>();
                    for (AffiliationChange change : changes) {
                        String reason = change.reason().orElse("");
                        ActionResult result = act(new RoomAction.AffiliationChanged(change.jid(), change.affiliation(),
                                reason), anyone(), () -> changeAffiliation(change.jid(), change.affiliation(), reason))
                                .toCompletableFuture().join();
                        results.add(new AffiliationChange.Result(change, result));
                    }
                    return CompletableFuture.completedFuture(List.copyOf(results));
                }
            };
        }

        @Override
        public CompletionStage<ActionResult> grantMembership(String realBareJid) {
            return act(new RoomAction.MembershipGranted(realBareJid), anyone(),
                    () -> changeAffiliation(realBareJid, Affiliation.MEMBER, ""));
        }

        @Override
        public CompletionStage<ActionResult> revokeMembership(String realBareJid) {
            return act(new RoomAction.MembershipRevoked(realBareJid), anyone(),
                    () -> changeAffiliation(realBareJid, Affiliation.NONE, ""));
        }

        @Override
        public CompletionStage<ActionResult> grantAdmin(String realBareJid) {
            return act(new RoomAction.AdminGranted(realBareJid), anyone(),
                    () -> changeAffiliation(realBareJid, Affiliation.ADMIN, ""));
        }

        @Override
        public CompletionStage<ActionResult> revokeAdmin(String realBareJid) {
            return act(new RoomAction.AdminRevoked(realBareJid), anyone(),
                    () -> changeAffiliation(realBareJid, Affiliation.MEMBER, ""));
        }

        @Override
        public CompletionStage<ActionResult> grantModerator(String nick) {
            return act(new RoomAction.ModeratorGranted(nick), mustBePresent(nick),
                    () -> List.of(setRole(nick, Role.MODERATOR)));
        }

        @Override
        public CompletionStage<ActionResult> revokeModerator(String nick) {
            return act(new RoomAction.ModeratorRevoked(nick), mustBePresent(nick),
                    () -> List.of(setRole(nick, Role.PARTICIPANT)));
        }

        @Override
        public CompletionStage<Optional<String>> subject() {
            CompletableFuture<Void> shown = botJoined ? CompletableFuture.completedFuture(null) : botBack;
            return shown.thenApply(ignored -> subject.filter(text -> !text.isBlank()));
        }

        @Override
        public CompletionStage<ActionResult> setSubject(String text) {
            return act(new RoomAction.SubjectSet(text), anyone(), () -> subjectSetByBot(text));
        }

        @Override
        public CompletionStage<ActionResult> moderateMessage(String stanzaId, String reason) {
            return act(new RoomAction.MessageModerated(stanzaId, reason), anyone(), nothing());
        }

        @Override
        public CompletionStage<ActionResult> setModerated(boolean wanted) {
            return act(new RoomAction.ModeratedSet(wanted), anyone(), () -> {
                moderated = wanted;
                return List.of();
            });
        }

        @Override
        public CompletionStage<ActionResult> setMembersOnly(boolean wanted) {
            return act(new RoomAction.MembersOnlySet(wanted), anyone(), () -> {
                membersOnly = wanted;
                return List.of();
            });
        }

        @Override
        public CompletionStage<ActionResult> applyOverlay(String name, ConfigOverlay overlay) {
            return act(new RoomAction.OverlayApplied(name, overlay), anyone(), () -> {
                synchronized (TestRoom.this) {
                    overlaysPrevious.putIfAbsent(name, new ConfigOverlay(Optional.of(moderated), Optional.of(membersOnly)));
                    overlay.moderated().ifPresent(value -> moderated = value);
                    overlay.membersOnly().ifPresent(value -> membersOnly = value);
                }
                return List.of();
            });
        }

        @Override
        public CompletionStage<ActionResult> liftOverlay(String name) {
            return act(new RoomAction.OverlayLifted(name), anyone(), () -> {
                synchronized (TestRoom.this) {
                    // A scripted room has no declared configuration: what the room had before comes back.
                    ConfigOverlay previous = overlaysPrevious.remove(name);
                    if (previous != null) {
                        moderated = previous.moderated().orElse(moderated);
                        membersOnly = previous.membersOnly().orElse(membersOnly);
                    }
                }
                return List.of();
            });
        }

        @Override
        public CompletionStage<ActionResult> invite(String jid, String reason) {
            return act(new RoomAction.Invited(jid, reason), anyone(), nothing());
        }

        @Override
        public CompletionStage<ActionResult> destroy(String reason, String alternativeRoomJid) {
            return act(new RoomAction.Destroyed(reason, alternativeRoomJid), anyone(), () -> destroyedByBot(reason));
        }
    }
}
