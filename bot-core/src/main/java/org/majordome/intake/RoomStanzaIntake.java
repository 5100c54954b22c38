package org.majordome.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.event.BotEvent;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.OccupantAffiliationChangedEvent;
import org.majordome.api.event.OccupantBannedEvent;
import org.majordome.api.event.OccupantJoinedEvent;
import org.majordome.api.event.OccupantKickedEvent;
import org.majordome.api.event.OccupantLeftEvent;
import org.majordome.api.event.OccupantNickChangedEvent;
import org.majordome.api.event.OccupantRoleChangedEvent;
import org.majordome.api.event.PrivateMessageReceivedEvent;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.api.event.SubjectChangedEvent;
import org.majordome.api.event.VoiceDecision;
import org.majordome.api.event.VoiceRequestedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the stanzas of one kept room into event records (XEP-0045 §7): occupants coming, going, renamed
 * (§7.6, status 303), kicked (§8.2) and banned (§9.1), role and affiliation changes, live room and private
 * messages, subject changes, voice requests the room forwards to the bot as moderator (§8.6). History, delayed messages, anything before the subject that ends the join's
 * replay (§7.2.15-16) and the room's reflection of the bot's own messages are not live talk and become
 * nothing. Keeps the occupant list those events need (who sent a message, who changed what).
 *
 * <p>Presences about the bot itself belong to the room's membership (join answers, being kicked, banned
 * or the room destroyed): each presence is offered to the {@link Membership} first.
 *
 * <p>Called on Smack's in-order listener thread; never blocks.
 */
public final class RoomStanzaIntake {

    private static final Logger log = LoggerFactory.getLogger(RoomStanzaIntake.class);

    /** The bot's own membership of the room, kept by the room keeper. */
    public interface Membership {

        /** A stanza came from the room: it still counts the bot in (the XEP-0410 idle clock restarts). */
        void heard();

        /**
         * Offered every presence from an occupant JID first.
         *
         * @return true when it was about the bot's own membership (then it is no occupant's news)
         */
        boolean ownPresence(Presence presence, MUCUser muc);

        /** The room has shown the bot its own presence since the last join: what comes now is live. */
        boolean inRoom();

        /** The bot's nick in the room. */
        Resourcepart nick();
    }

    private final String room;
    private final EntityBareJid roomJid;
    private final Membership membership;
    private final EventSink sink;
    private final Clock clock;

    private final Map<String, Occupant> occupants = new ConcurrentHashMap<>();
    /** Occupants who announced a nick change (status 303): new nick → old nick. */
    private final Map<String, String> pendingRenames = new ConcurrentHashMap<>();
    private volatile boolean subjectSeen;
    private volatile String subject;
    /** Completed by the subject that ends a join's replay; a new one for each join once that one is done. */
    private final AtomicReference<CompletableFuture<Void>> subjectShown = new AtomicReference<>(new CompletableFuture<>());

    public RoomStanzaIntake(EntityBareJid roomJid, Membership membership, EventSink sink, Clock clock) {
        this.roomJid = roomJid;
        this.room = roomJid.toString();
        this.membership = membership;
        this.sink = sink;
        this.clock = clock;
    }

    /** A new join starts: what the room said before is forgotten (the join replays the room's state). */
    public void reset() {
        subjectSeen = false;
        subject = null;
        // A caller still waiting keeps its stage: the next join's subject answers it.
        subjectShown.updateAndGet(shown -> shown.isDone() ? new CompletableFuture<>() : shown);
        occupants.clear();
        pendingRenames.clear();
    }

    /** The occupants besides the bot, as last seen. */
    public List<Occupant> occupants() {
        return new ArrayList<>(occupants.values());
    }

    /**
     * The room's subject once the current join's replay has shown it (or the next join's, while none has): empty
     * when the room has none. Completes on Smack's listener thread.
     */
    public CompletableFuture<Optional<String>> subjectShown() {
        return subjectShown.get().thenApply(shown -> subject().filter(text -> !text.isBlank()));
    }

    /** The room's subject, once the join's replay has shown it. */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    // ---------------------------------------------------------------- presences

    public void onPresence(Presence presence) {
        membership.heard();
        Resourcepart from = presence.getFrom().getResourceOrNull();
        if (from == null) {
            return;
        }
        MUCUser muc = MUCUser.from(presence);
        if (membership.ownPresence(presence, muc) || presence.getType() == Presence.Type.error) {
            return;
        }
        String occupantNick = from.toString();
        if (presence.getType() == Presence.Type.available) {
            onOccupantAvailable(occupantNick, presence);
        } else if (presence.getType() == Presence.Type.unavailable) {
            onOccupantUnavailable(occupantNick, presence, muc);
        }
    }

    private void onOccupantAvailable(String occupantNick, Presence presence) {
        Occupant now = Snapshots.occupant(occupantNick, presence);
        Occupant before = occupants.put(occupantNick, now);
        if (!membership.inRoom()) {
            return; // already there while we joined: part of the room, not news
        }
        Instant at = clock.instant();
        if (before == null) {
            String oldNick = pendingRenames.remove(occupantNick);
            emit(oldNick != null
                    ? new OccupantNickChangedEvent(room, now, oldNick, at)
                    : new OccupantJoinedEvent(room, now, at));
            return;
        }
        if (before.role() != now.role()) {
            emit(new OccupantRoleChangedEvent(room, now, before.role(), now.role(), at));
        }
        if (before.affiliation() != now.affiliation()) {
            emit(new OccupantAffiliationChangedEvent(room, now, before.affiliation(), now.affiliation(), at));
        }
    }

    private void onOccupantUnavailable(String occupantNick, Presence presence, MUCUser muc) {
        Occupant gone = occupants.remove(occupantNick);
        if (!membership.inRoom()) {
            return;
        }
        if (gone == null) {
            gone = Snapshots.occupant(occupantNick, presence);
        }
        Set<MUCUser.Status> statuses = muc == null ? Set.of() : muc.getStatus();
        MUCItem item = muc == null ? null : muc.getItem();
        Instant at = clock.instant();
        if (statuses.contains(MUCUser.Status.NEW_NICKNAME_303) && item != null && item.getNick() != null) {
            pendingRenames.put(item.getNick().toString(), occupantNick);
            return;
        }
        Optional<String> actor = item == null || item.getActorNick() == null
                ? Optional.empty() : Optional.of(item.getActorNick().toString());
        Optional<String> reason = item == null ? Optional.empty() : Optional.ofNullable(item.getReason());
        if (statuses.contains(MUCUser.Status.KICKED_307)) {
            emit(new OccupantKickedEvent(room, gone, actor, reason, at));
        } else if (statuses.contains(MUCUser.Status.BANNED_301)) {
            emit(new OccupantBannedEvent(room, gone, actor, reason, at));
        } else {
            emit(new OccupantLeftEvent(room, gone, Optional.ofNullable(presence.getStatus()), at));
        }
    }

    // ---------------------------------------------------------------- messages

    public void onMessage(Message message) {
        membership.heard();
        if (message.getType() == Message.Type.error || !membership.inRoom()) {
            return;
        }
        Resourcepart from = message.getFrom().getResourceOrNull();
        if (from == null && message.getType() != Message.Type.groupchat) {
            // The room's own word to its moderators: a forwarded voice request (§8.6). Left to the moderators
            // until the room's policy (whoever keeps the sink) decides otherwise.
            VoiceRequestForm.parse(message).ifPresent(request -> emit(new VoiceRequestedEvent(room,
                    occupants.getOrDefault(request.nick(), Snapshots.unknown(request.nick())), request,
                    VoiceDecision.FORWARDED, "left for the moderators", clock.instant())));
        } else if (message.getType() == Message.Type.groupchat) {
            onGroupchat(message, from);
        } else if (from != null && message.getBody() != null && !from.equals(membership.nick())
                && DelayInformation.from(message) == null) {
            String senderNick = from.toString();
            emit(new PrivateMessageReceivedEvent(room, occupants.getOrDefault(senderNick, Snapshots.unknown(senderNick)),
                    Snapshots.message(message, roomJid), clock.instant()));
        }
    }

    private void onGroupchat(Message message, Resourcepart from) {
        if (message.getSubject() != null && message.getBody() == null) {
            onSubject(message.getSubject(), from);
            return;
        }
        if (message.getBody() == null || from == null) {
            return;
        }
        // History, delayed delivery and anything before the subject are replays, not live talk.
        if (DelayInformation.from(message) != null || !subjectSeen) {
            return;
        }
        if (from.equals(membership.nick())) {
            return; // our own message, reflected by the room
        }
        String senderNick = from.toString();
        emit(new RoomMessageReceivedEvent(room, occupants.getOrDefault(senderNick, Snapshots.unknown(senderNick)),
                Snapshots.message(message, roomJid), clock.instant()));
    }

    private void onSubject(String newSubject, Resourcepart from) {
        if (!subjectSeen) {
            // The subject the room sends on join ends the replay; it is not a change.
            subjectSeen = true;
            subject = newSubject;
            subjectShown.get().complete(null);
            return;
        }
        String old = subject;
        subject = newSubject;
        emit(new SubjectChangedEvent(room, Optional.ofNullable(old).filter(s -> !s.isEmpty()), newSubject,
                Optional.ofNullable(from).map(Resourcepart::toString), from != null && from.equals(membership.nick()),
                clock.instant()));
    }

    private void emit(BotEvent event) {
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            log.error("Room {}: event sink failed on {}", room, event.getClass().getSimpleName(), e);
        }
    }
}
