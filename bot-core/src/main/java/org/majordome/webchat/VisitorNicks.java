package org.majordome.webchat;

import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * The nicks a visitor may type, checked before any room is asked: 1 to {@link Visitor#MAX_NICK} characters, none of
 * them invisible, and a valid resource part (RFC 7622 §3.4, what XEP-0045 §7.2 takes as a nick).
 */
final class VisitorNicks {

    private VisitorNicks() {
    }

    /** The nick typed, trimmed, when it may be used; null when not. */
    static Resourcepart valid(String text) {
        String nick = text == null ? "" : text.strip();
        if (nick.isEmpty() || nick.length() > Visitor.MAX_NICK
                || nick.codePoints().anyMatch(VisitorNicks::invisible)) {
            return null;
        }
        try {
            return Resourcepart.from(nick);
        } catch (XmppStringprepException | RuntimeException e) {
            return null;
        }
    }

    /** Control and bidirectional formatting characters: a nick that hides or reorders text is refused. */
    private static boolean invisible(int codePoint) {
        return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT;
    }
}
