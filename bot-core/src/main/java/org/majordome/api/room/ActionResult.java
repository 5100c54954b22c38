package org.majordome.api.room;

import java.util.Objects;

/** How a room or chat action ended. Sealed so that callers can {@code switch} over every outcome. */
public sealed interface ActionResult permits ActionResult.Done, ActionResult.Refused, ActionResult.NotSupported,
        ActionResult.Failed {

    /** True only for {@link Done}. */
    default boolean succeeded() {
        return this instanceof Done;
    }

    /**
     * The action was carried out (for a message: it was sent).
     *
     * @param how how it was done when not the plain way, for the record (e.g. {@code "banned on the web gateway"}:
     *            a web visitor's ban holds on their web identity, not on the account they share); empty else
     */
    record Done(String how) implements ActionResult {
        public Done {
            Objects.requireNonNull(how, "how");
        }

        /** Done the plain way. */
        public Done() {
            this("");
        }
    }

    /**
     * The server answered with an error, e.g. the bot lacks the privilege.
     *
     * @param errorCondition the XMPP error condition, e.g. {@code forbidden}, {@code not-allowed}, {@code item-not-found}
     * @param text           the server's error text, empty when it sent none
     */
    record Refused(String errorCondition, String text) implements ActionResult {
        public Refused {
            Objects.requireNonNull(errorCondition, "errorCondition");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The room or server cannot do this at all (e.g. no XEP-0425 message moderation).
     *
     * @param why a short explanation for logs
     */
    record NotSupported(String why) implements ActionResult {
        public NotSupported {
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * The action could not be completed: no answer in time, not connected, not in the room.
     *
     * @param why a short explanation for logs
     */
    record Failed(String why) implements ActionResult {
        public Failed {
            Objects.requireNonNull(why, "why");
        }
    }

    /** The shared {@link Done} value. */
    ActionResult DONE = new Done();
}
