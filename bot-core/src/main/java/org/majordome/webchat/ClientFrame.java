package org.majordome.webchat;

/** What a visitor's page may ask, one JSON object per WebSocket text frame (see {@link Frames#parse}). */
sealed interface ClientFrame {

    /** {@code {"type":"join","room":"<room jid>","nick":"<nick>"}} */
    record Join(String room, String nick) implements ClientFrame {
    }

    /** {@code {"type":"say","text":"..."}} */
    record Say(String text) implements ClientFrame {
    }

    /** {@code {"type":"private","to":"<nick>","text":"..."}} */
    record Private(String to, String text) implements ClientFrame {
    }

    /** {@code {"type":"leave"}} */
    record Leave() implements ClientFrame {
    }

    /** A frame that is none of these: answered with an {@code error}, never a reason to drop the visitor. */
    final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String why) {
            super(why, null, false, false);
        }
    }
}
