package org.majordome.webchat;

import java.util.List;

/**
 * The guest host's vocabulary: the commands the bot writes ({@link Command}) and the events the host writes
 * ({@link Event}). Every line is a verb, a session's id (its resource), then as many arguments as the verb takes,
 * so that both ends share one list and a line of the wrong shape is refused whole, by name, instead of failing on
 * a missing field halfway through handling it.
 */
final class GuestHostVerbs {

    private GuestHostVerbs() {
    }

    /** A verb as written on the line, and how many arguments follow the session's id. */
    sealed interface Verb permits Command, Event {
        String word();

        int arguments();
    }

    /** From the bot to the host. */
    enum Command implements Verb {
        /** Log a session in: room, nick, the room's title, the visitor's language tag. */
        OPEN("open", 4),
        JOIN("join", 0),
        /** Say in the room: the text. */
        SAY("say", 1),
        /** Say to one occupant: their nick, the text. */
        PRIVATE("private", 2),
        CLOSE("close", 0);

        private final String word;
        private final int arguments;

        Command(String word, int arguments) {
            this.word = word;
            this.arguments = arguments;
        }

        @Override
        public String word() {
            return word;
        }

        @Override
        public int arguments() {
            return arguments;
        }
    }

    /** From the host to the bot; each is one of {@link VisitorSession.Events}, or the answer to an open. */
    enum Event implements Verb {
        OPENED("opened", 0),
        /** What went wrong. */
        OPEN_FAILED("open-failed", 1),
        /** A frame for the browser, in JSON. */
        FRAME("frame", 1),
        JOINED("joined", 0),
        /** The frame that says why. */
        ENDED("ended", 1),
        /** By whom, why. */
        KICKED("kicked", 2),
        /** The affiliation given, by whom, why. */
        BANNED("banned", 3),
        /** The server's refusal. */
        REFUSED("refused", 1),
        /** The nick the room gave, the role. */
        ENTERED("entered", 2),
        /** The new role. */
        ROLE("role", 1);

        private final String word;
        private final int arguments;

        Event(String word, int arguments) {
            this.word = word;
            this.arguments = arguments;
        }

        @Override
        public String word() {
            return word;
        }

        @Override
        public int arguments() {
            return arguments;
        }
    }

    /** A line read: its verb, the session it concerns, and its arguments. */
    record Received<V extends Verb>(V verb, String session, List<String> arguments) {
        String argument(int index) {
            return arguments.get(index);
        }
    }

    /** The line (without its line feed) of a verb for a session. */
    static String line(Verb verb, String session, String... arguments) {
        if (arguments.length != verb.arguments()) {
            throw new IllegalArgumentException(
                    "'" + verb.word() + "' takes " + verb.arguments() + " arguments, not " + arguments.length);
        }
        String[] fields = new String[arguments.length + 2];
        fields[0] = verb.word();
        fields[1] = session;
        System.arraycopy(arguments, 0, fields, 2, arguments.length);
        return GuestHostLines.line(fields);
    }

    /** The verb of {@code verbs} a line's fields start with, checked against its number of arguments. */
    static <V extends Enum<V> & Verb> Received<V> read(Class<V> verbs, List<String> fields) {
        V verb = null;
        for (V candidate : verbs.getEnumConstants()) {
            if (candidate.word().equals(fields.getFirst())) {
                verb = candidate;
            }
        }
        if (verb == null) {
            throw new IllegalArgumentException("an unknown " + verbs.getSimpleName().toLowerCase() + " '"
                    + fields.getFirst() + "'");
        }
        if (fields.size() != verb.arguments() + 2) {
            throw new IllegalArgumentException("'" + verb.word() + "' with " + (fields.size() - 1)
                    + " fields, not a session and " + verb.arguments() + " arguments");
        }
        return new Received<>(verb, fields.get(1), List.copyOf(fields.subList(2, fields.size())));
    }
}
