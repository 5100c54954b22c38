package org.majordome.webchat;

import java.time.Clock;

import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.text.Wording;
import org.majordome.webchat.Frames.ErrorCode;

/**
 * What one visitor says in their room, to everyone or privately to one occupant (XEP-0045 §7.4, §7.5): checked
 * against the gateway's limits (size, rate) before it is sent, a refusal told to the visitor in their language.
 */
final class VisitorSpeech {

    private final MessageRate rate;
    private final int maxLength;
    private final Outbox out;
    private final Clock clock;

    VisitorSpeech(int messagesPerMinute, int maxLength, Outbox out, Clock clock) {
        this.rate = new MessageRate(messagesPerMinute, clock);
        this.maxLength = maxLength;
        this.out = out;
        this.clock = clock;
    }

    /**
     * Sends {@code text} through {@code session}: to the room, or to the occupant {@code to} when not null.
     *
     * @throws Exception when the session cannot send (it is gone)
     */
    void say(RoomSession session, String text, String to, Wording words) throws Exception {
        if (text.isBlank()) {
            return;
        }
        if (text.length() > maxLength) {
            out.offer(Frames.error(ErrorCode.TOO_LONG, words.format("webchat.too-long", maxLength)));
            return;
        }
        if (!rate.tryTake()) {
            out.offer(Frames.error(ErrorCode.RATE, words.format("webchat.too-fast")));
            return;
        }
        if (to == null) {
            session.say(text);
            return;
        }
        Resourcepart target = VisitorNicks.valid(to);
        if (target == null) {
            out.offer(Frames.error(ErrorCode.UNAVAILABLE, words.format("webchat.nobody")));
            return;
        }
        session.sendPrivate(target, text);
        // The room does not reflect private messages: the page sees its own in the same shape, with "to".
        out.offer(Frames.privateSent(session.nick().toString(), target.toString(), text, clock.instant()));
    }
}
