package org.majordome.room;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaFactory;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.BotEvent;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.OccupantBannedEvent;
import org.majordome.api.event.OccupantJoinedEvent;
import org.majordome.api.event.OccupantKickedEvent;
import org.majordome.api.event.OccupantLeftEvent;
import org.majordome.api.event.OccupantNickChangedEvent;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomJoinedEvent;
import org.majordome.api.event.RoomLeftEvent;
import org.majordome.api.event.VoiceDecision;
import org.majordome.api.event.VoiceRequest;
import org.majordome.api.event.VoiceRequestedEvent;
import org.majordome.api.room.ActionResult;
import org.majordome.api.text.Wording;
import org.majordome.config.VoiceRequestPolicy;
import org.majordome.intake.EventSink;
import org.majordome.intake.VoiceRequestForm;
import org.majordome.text.TextService;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides a room's voice requests (XEP-0045 §7.13, §8.6) by its {@code voice-requests} policy: the intake turns the
 * request the room forwards to the bot, as moderator, into a {@link VoiceRequestedEvent} "left for the
 * moderators"; this sink, in front of the room's event sink, decides, acts (voice through {@code muc#admin}, or the
 * form answered with {@code muc#request_allow} false), logs the decision in one line and passes the event on with
 * it, so that plugins and scripts see what the bot did. Every other event passes unchanged; the occupants' arrivals
 * are noted on the way, for {@code approve-after}.
 *
 * <p>Called on Smack's listener thread and on the room's worker: never blocks (the answers run on the actions'
 * executor).
 */
final class VoiceRequests implements EventSink {

    private static final Logger log = LoggerFactory.getLogger(VoiceRequests.class);
    /** A visitor asking again and again is logged once a minute; the others at DEBUG. */
    private static final Duration QUIET_REPEATS = Duration.ofMinutes(1);

    /** A decision and its reason in words. */
    record Decision(VoiceDecision decision, String why) {
    }

    /** The runtime's texts in English: the log's words, and the default of a room that names no language. */
    private static final Wording ENGLISH = TextService.runtimeWording(Locale.ENGLISH, java.time.ZoneOffset.UTC);

    private final String room;
    private final Supplier<VoiceRequestPolicy> policy;
    private final Function<String, CompletionStage<ActionResult>> grantVoice;
    private final Consumer<VoiceRequest> decline;
    private final EventSink next;
    private final Clock clock;
    private final Supplier<Wording> wording;
    private final Map<String, Instant> arrivals = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();

    /**
     * @param grantVoice gives a nick voice (the room handle's {@code grantVoice})
     * @param decline    answers a request with {@code muc#request_allow} false; must not block
     */
    VoiceRequests(String room, Supplier<VoiceRequestPolicy> policy,
                  Function<String, CompletionStage<ActionResult>> grantVoice, Consumer<VoiceRequest> decline,
                  EventSink next, Clock clock) {
        this(room, policy, grantVoice, decline, next, clock, () -> ENGLISH);
    }

    /** @param wording the runtime's texts in the room's language: the reason the event carries */
    VoiceRequests(String room, Supplier<VoiceRequestPolicy> policy,
                  Function<String, CompletionStage<ActionResult>> grantVoice, Consumer<VoiceRequest> decline,
                  EventSink next, Clock clock, Supplier<Wording> wording) {
        this.wording = wording;
        this.room = room;
        this.policy = policy;
        this.grantVoice = grantVoice;
        this.decline = decline;
        this.next = next;
        this.clock = clock;
    }

    /** For a kept room: declines are sent on {@code actions}, from the bot's connection. */
    static VoiceRequests forRoom(EntityBareJid roomJid, Supplier<VoiceRequestPolicy> policy,
                                 Function<String, CompletionStage<ActionResult>> grantVoice, XmppSession session,
                                 Executor actions, EventSink next, Clock clock, Supplier<Wording> wording) {
        Consumer<VoiceRequest> decline = request -> actions.execute(() -> {
            try {
                session.connection().sendStanza(declineMessage(session.connection().getStanzaFactory(), roomJid,
                        request));
            } catch (Exception e) {
                log.warn("Room {}: could not decline the voice request of {}: {}", roomJid, request.nick(), e.toString());
            }
        });
        return new VoiceRequests(roomJid.toString(), policy, grantVoice, decline, next, clock, wording);
    }

    @Override
    public void accept(BotEvent event) {
        switch (event) {
            case VoiceRequestedEvent request -> {
                next.accept(decide(request));
                return;
            }
            case RoomJoinedEvent joined -> {
                arrivals.clear();
                joined.occupants().forEach(occupant -> arrivals.put(occupant.nick(), joined.receivedAt()));
            }
            case OccupantJoinedEvent joined -> arrivals.put(joined.occupant().nick(), joined.receivedAt());
            case OccupantNickChangedEvent renamed -> {
                Instant since = arrivals.remove(renamed.oldNick());
                arrivals.put(renamed.occupant().nick(), since == null ? renamed.receivedAt() : since);
            }
            case OccupantLeftEvent left -> gone(left.occupant().nick());
            case OccupantKickedEvent kicked -> gone(kicked.occupant().nick());
            case OccupantBannedEvent banned -> gone(banned.occupant().nick());
            case RoomLeftEvent ignored -> {
                arrivals.clear();
                lastLogged.clear();
            }
            default -> {
            }
        }
        next.accept(event);
    }

    private void gone(String nick) {
        arrivals.remove(nick);
        lastLogged.remove(nick);
    }

    private VoiceRequestedEvent decide(VoiceRequestedEvent request) {
        String nick = request.request().nick();
        Instant now = clock.instant();
        Optional<Instant> arrived = Optional.ofNullable(arrivals.get(nick));
        Decision decision = decide(policy.get(), request.occupant(), request.request(), arrived, now);
        logOnce(request, decision);
        switch (decision.decision()) {
            case GRANTED -> grantVoice.apply(nick).whenComplete((result, failure) -> {
                if (failure != null || !(result instanceof ActionResult.Done)) {
                    log.warn("Room {}: could not give {} voice: {}", room, nick, failure != null ? failure : result);
                }
            });
            case DECLINED -> decline.accept(request.request());
            case FORWARDED -> {
                // The room has already given the request to the moderators present: nothing more to do.
            }
        }
        // The log keeps English; the event, which scripts may show the moderators, says it in the room's language.
        Wording shown = wording.get();
        String why = shown.language().getLanguage().equals("en") ? decision.why()
                : decide(policy.get(), request.occupant(), request.request(), arrived, now, shown).why();
        return request.decided(decision.decision(), why);
    }

    /**
     * The policy's decision.
     *
     * @param arrived when the requester came in, as the bot saw it (its own join for those already there)
     */
    static Decision decide(VoiceRequestPolicy policy, Occupant occupant, VoiceRequest request,
                           Optional<Instant> arrived, Instant now) {
        return decide(policy, occupant, request, arrived, now, ENGLISH);
    }

    /** The policy's decision, its reason in the wording's language. */
    static Decision decide(VoiceRequestPolicy policy, Occupant occupant, VoiceRequest request,
                           Optional<Instant> arrived, Instant now, Wording words) {
        if (request.requestedRole() != Role.PARTICIPANT) {
            return new Decision(VoiceDecision.FORWARDED, words.format("voice.other-role",
                    words.format("voice.role." + name(request.requestedRole()))));
        }
        return switch (policy.kind()) {
            case FORWARD -> new Decision(VoiceDecision.FORWARDED, words.format("voice.forwarded"));
            case DENY -> new Decision(VoiceDecision.DECLINED, words.format("voice.denied"));
            case APPROVE_MEMBERS -> occupant.affiliation() == Affiliation.MEMBER
                    || occupant.affiliation() == Affiliation.ADMIN || occupant.affiliation() == Affiliation.OWNER
                    ? new Decision(VoiceDecision.GRANTED, words.format("voice.affiliation." + name(occupant.affiliation())))
                    : new Decision(VoiceDecision.FORWARDED, words.format("voice.not-member"));
            case APPROVE_AFTER -> {
                Duration wanted = policy.after().orElseThrow();
                if (arrived.isEmpty()) {
                    yield new Decision(VoiceDecision.FORWARDED, words.format("voice.not-seen"));
                }
                Duration stayed = Duration.between(arrived.get(), now).withNanos(0);
                yield stayed.compareTo(wanted) >= 0
                        ? new Decision(VoiceDecision.GRANTED, words.format("voice.long-enough", words.duration(stayed),
                        words.duration(wanted)))
                        : new Decision(VoiceDecision.FORWARDED, words.format("voice.too-soon", words.duration(stayed),
                        words.duration(wanted)));
            }
        };
    }

    /**
     * The answer XEP-0045 §8.6 gives a moderator: the request's form, submitted with request_allow false. Prosody
     * 0.12 and ejabberd 23.01 take it silently: no error to the bot, nothing to the requester ({@code VoiceRequestsIT}).
     */
    static Message declineMessage(StanzaFactory stanzas, EntityBareJid roomJid, VoiceRequest request) {
        DataForm.Builder form = DataForm.builder(DataForm.Type.submit).setFormType(VoiceRequestForm.FORM_TYPE)
                .addField(FormField.textSingleBuilder(VoiceRequestForm.ROLE).setValue("participant").build())
                .addField(FormField.textSingleBuilder(VoiceRequestForm.ROOM_NICK).setValue(request.nick()).build())
                .addField(FormField.booleanBuilder(VoiceRequestForm.ALLOW).setValue(false).build());
        request.realJid().ifPresent(jid ->
                form.addField(FormField.textSingleBuilder(VoiceRequestForm.JID).setValue(jid).build()));
        return stanzas.buildMessageStanza().ofType(Message.Type.normal).to(roomJid)
                .addExtension(form.build()).build();
    }

    private void logOnce(VoiceRequestedEvent request, Decision decision) {
        String nick = request.request().nick();
        Instant now = clock.instant();
        Instant last = lastLogged.get(nick);
        boolean repeat = last != null && Duration.between(last, now).compareTo(QUIET_REPEATS) < 0;
        if (!repeat) {
            lastLogged.put(nick, now);
        }
        String who = request.request().realJid().map(jid -> nick + " (" + jid + ")").orElse(nick);
        String decided = name(decision.decision());
        if (repeat) {
            log.debug("Room {}: voice request from {}: {}, {}", room, who, decided, decision.why());
        } else {
            log.info("Room {}: voice request from {}: {}, {}", room, who, decided, decision.why());
        }
    }

    private static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
