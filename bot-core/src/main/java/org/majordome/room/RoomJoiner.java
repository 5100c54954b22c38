package org.majordome.room;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.muc.packet.MUCInitialPresence;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.majordome.config.Secret;
import org.majordome.room.RoomProblem.Kind;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joining a room (XEP-0045 §7.2): sends the join presence under the configured nick, then under fallback
 * nicks while the nick is taken (§7.2.9), and waits each time for the room's answer, the bot's own presence
 * (status 110) or an error, which it recognises among the room's presences. One join at a time per room.
 */
final class RoomJoiner {

    private static final Logger log = LoggerFactory.getLogger(RoomJoiner.class);
    private static final int NICK_FALLBACKS = 5;

    private final EntityBareJid roomJid;
    private volatile CompletableFuture<Presence> pendingJoin;
    private volatile String pendingJoinId;
    private volatile Resourcepart pendingNick;

    RoomJoiner(EntityBareJid roomJid) {
        this.roomJid = roomJid;
    }

    /** The answer the join in flight waits for; null when no join is in flight. */
    CompletableFuture<Presence> pending() {
        return pendingJoin;
    }

    /** The nick the join in flight asks for. */
    Resourcepart nick() {
        return pendingNick;
    }

    /** What one join with fallback nicks came to. */
    sealed interface Outcome {
        /** In the room: {@code self} is the bot's own presence. */
        record Joined(Presence self, boolean usedFallback) implements Outcome { }
        /** The room refused the bot for good (it is banned): {@code serverText} the error's condition and text,
         * or a {@link org.majordome.text.Phrase} when it gave none. */
        record Banned(Object serverText) implements Outcome { }
        /** To be tried again later, for that reason. */
        record Retry(RoomProblem why) implements Outcome { }
        record NotConnected() implements Outcome { }
        record Interrupted() implements Outcome { }
    }

    /**
     * Joins under {@code base}, then {@code base_1}... while the nick is taken.
     *
     * @param beforeEachAttempt run before each join presence leaves (the room's state is reset there)
     */
    Outcome joinWithFallbackNicks(XmppSession session, Resourcepart base, Optional<Secret> password,
                                  Runnable beforeEachAttempt) {
        Duration replyTimeout = session.settings().replyTimeout();
        for (int fallback = 0; fallback <= NICK_FALLBACKS; fallback++) {
            Resourcepart attempt = fallback == 0 ? base : fallbackNick(base, fallback);
            beforeEachAttempt.run();
            try {
                return new Outcome.Joined(join(session.connection(), attempt, password, replyTimeout), fallback > 0);
            } catch (JoinRefusedException refused) {
                if (refused.condition() == StanzaError.Condition.conflict) {
                    log.warn("Room {}: nick '{}' is taken; trying a fallback nick", roomJid, attempt);
                    continue;
                }
                return refusal(refused);
            } catch (TimeoutException e) {
                return new Outcome.Retry(RoomProblem.of(Kind.JOIN_TIMEOUT, String.valueOf(replyTimeout.toSeconds())));
            } catch (SmackException.NotConnectedException e) {
                return new Outcome.NotConnected();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome.Interrupted();
            }
        }
        return new Outcome.Retry(RoomProblem.of(Kind.NICKS_TAKEN, base.toString(), String.valueOf(NICK_FALLBACKS)));
    }

    /**
     * Joins with that nick and waits for the answer.
     *
     * @return the bot's own presence in the room
     */
    private Presence join(XMPPConnection connection, Resourcepart attempt, Optional<Secret> password,
                          Duration replyTimeout)
            throws JoinRefusedException, TimeoutException, SmackException.NotConnectedException, InterruptedException {
        Presence join = connection.getStanzaFactory().buildPresenceStanza()
                .to(JidCreate.entityFullFrom(roomJid, attempt))
                // No history: replayed messages are not for the bot to act on (XEP-0045 §7.2.15).
                .addExtension(new MUCInitialPresence(password.map(p -> p.reveal()).orElse(null), -1, 0, -1, null))
                .build();
        CompletableFuture<Presence> answer = new CompletableFuture<>();
        pendingNick = attempt;
        pendingJoinId = join.getStanzaId();
        pendingJoin = answer;
        connection.sendStanza(join);
        try {
            return answer.get(replyTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JoinRefusedException refused) {
                throw refused;
            }
            if (e.getCause() instanceof SmackException.NotConnectedException notConnected) {
                throw notConnected;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pendingJoin = null;
        }
    }

    /**
     * An error presence: the answer to the join {@code join} (read once by the caller) when it names the nick
     * or the stanza id of that join.
     */
    void offerError(Presence presence, CompletableFuture<Presence> join) {
        if (join != null && (presence.getFrom().getResourceOrNull().equals(pendingNick)
                || presence.getStanzaId() != null && presence.getStanzaId().equals(pendingJoinId))) {
            join.completeExceptionally(new JoinRefusedException(presence.getError()));
        }
    }

    /** The connection is gone: the join in flight will get no answer. */
    void fail(Exception cause) {
        CompletableFuture<Presence> join = pendingJoin;
        if (join != null) {
            join.completeExceptionally(cause);
        }
    }

    /** What a refusal of the join (XEP-0045 §7.2.6-§7.2.11) means for the bot; the server's words kept as they came. */
    private static Outcome refusal(JoinRefusedException refused) {
        Object text = refused.describe();
        if (refused.condition() == StanzaError.Condition.forbidden) {
            return new Outcome.Banned(text);
        }
        return new Outcome.Retry(RoomProblem.of(switch (refused.condition()) {
            case registration_required -> Kind.MEMBERS_ONLY;
            case not_authorized -> Kind.WRONG_PASSWORD;
            case not_allowed -> Kind.CREATION_REFUSED;
            case gone -> Kind.TOMBSTONE;
            case item_not_found -> Kind.NO_SUCH_ROOM;
            case service_unavailable -> Kind.UNAVAILABLE;
            default -> Kind.JOIN_REFUSED;
        }, text));
    }

    private static Resourcepart fallbackNick(Resourcepart base, int attempt) {
        try {
            return Resourcepart.from(base + "_" + attempt);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Cannot derive a fallback nick from " + base, e);
        }
    }
}
