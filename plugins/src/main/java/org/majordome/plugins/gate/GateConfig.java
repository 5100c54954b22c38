package org.majordome.plugins.gate;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.majordome.api.text.ConfigRefusal;

/**
 * The {@code plugins.gate} section: the settings of every room that enables the plugin, then per-room overrides
 * under {@code rooms:}. The YAML, with every default, is in the package documentation.
 *
 * @param check             what a first-time visitor must do to get voice
 * @param waitTime          how long a newcomer waits (checks {@code wait} and {@code both})
 * @param tries             how many answers a visitor may give ({@code question} and {@code both})
 * @param questions         the questions, one picked per visitor, and their accepted answers (case and accents
 *                          ignored); at least one when the check asks a question
 * @param maxWaiting        how many visitors the gate follows at once in a room; more (a join flood) stay voiceless
 *                          until they come back
 * @param messagesPerMinute the most private messages the gate sends in a room per minute (a flood's visitors get
 *                          no instructions beyond that; one who writes to the bot later gets the question then)
 * @param waitText          instructions for {@code wait}
 * @param questionText      instructions for {@code question}
 * @param bothText          instructions for {@code both}
 * @param answeredText      a right answer under {@code both} while the wait is not over
 * @param passedText        said when the visitor is given voice
 * @param wrongText         a wrong answer with tries left
 * @param failedText        the last wrong answer: the visitor stays voiceless
 * @param rooms             overrides by room JID; a key left out takes the value above
 */
public record GateConfig(Check check, Duration waitTime, int tries, List<Question> questions, int maxWaiting,
                         int messagesPerMinute, String waitText, String questionText, String bothText,
                         String answeredText, String passedText, String wrongText, String failedText,
                         Map<String, RoomOverrides> rooms) {

    /** What a first-time visitor must do. */
    public enum Check {
        /** Wait {@code wait-time} after joining. */
        WAIT,
        /** Answer a question privately. */
        QUESTION,
        /** Answer the question and wait. */
        BOTH
    }

    /**
     * One question and what it accepts.
     *
     * @param question what the visitor is asked
     * @param answers  the accepted answers, compared without case, accents, punctuation or extra spaces
     */
    public record Question(String question, List<String> answers) {
        public Question {
            Objects.requireNonNull(question, "question");
            if (question.isBlank()) {
                throw new ConfigRefusal("question", "config.blank");
            }
            answers = List.copyOf(answers);
            if (answers.isEmpty() || answers.stream().anyMatch(answer -> Answers.normalize(answer).isEmpty())) {
                throw new ConfigRefusal("answers", "config.question-answers", question);
            }
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");
    private static final Set<String> PLACEHOLDERS = Set.of("nick", "room", "wait", "question", "tries");

    public GateConfig {
        validate("", check, waitTime, tries, questions, maxWaiting, messagesPerMinute,
                List.of(waitText, questionText, bothText, answeredText, passedText, wrongText, failedText));
        questions = List.copyOf(questions);
        Map<String, RoomOverrides> lowerCased = new LinkedHashMap<>();
        rooms.forEach((jid, o) -> lowerCased.put(jid.toLowerCase(Locale.ROOT), o));
        rooms = Collections.unmodifiableMap(lowerCased);
        if (!rooms.isEmpty()) {
            // Each room's settings must hold too (a room switching to question needs questions): the fields are not
            // set yet in this constructor, so the check merges onto a copy without rooms.
            GateConfig base = new GateConfig(check, waitTime, tries, questions, maxWaiting, messagesPerMinute, waitText,
                    questionText, bothText, answeredText, passedText, wrongText, failedText, Map.of());
            rooms.forEach((jid, o) -> base.merge(o, "rooms." + jid + "."));
        }
    }

    /** Every default: a 5-minute wait; 3 tries and no question (a file that asks one gives them). */
    public static GateConfig defaults() {
        return new GateConfig(Check.WAIT, Duration.ofMinutes(5), 3, List.of(), 200, 20,
                "Welcome to {room}, {nick}. Newcomers may speak here after {wait}; until then, read along.",
                "Welcome to {room}, {nick}. To speak here, answer this in a private message to me: {question}",
                "Welcome to {room}, {nick}. To speak here, answer this in a private message to me: {question} "
                        + "Newcomers may speak {wait} after joining.",
                "Right. You may speak in {room} once you have been here {wait}.",
                "Thank you, {nick}: you may speak in {room} now.",
                "That is not the answer. Tries left: {tries}.",
                "That is not the answer, and that was your last try: you stay without voice in {room}. "
                        + "A moderator can give you voice.",
                Map.of());
    }

    /** The settings that apply in one room: its overrides over the plugin-wide values. */
    public GateConfig forRoom(String roomJid) {
        RoomOverrides o = rooms.get(roomJid.toLowerCase(Locale.ROOT));
        return o == null ? this : merge(o, "rooms." + roomJid + ".");
    }

    private GateConfig merge(RoomOverrides o, String where) {
        try {
            return new GateConfig(o.check().orElse(check), o.waitTime().orElse(waitTime), o.tries().orElse(tries),
                    o.questions().orElse(questions), o.maxWaiting().orElse(maxWaiting),
                    o.messagesPerMinute().orElse(messagesPerMinute), o.waitText().orElse(waitText),
                    o.questionText().orElse(questionText), o.bothText().orElse(bothText),
                    o.answeredText().orElse(answeredText), o.passedText().orElse(passedText),
                    o.wrongText().orElse(wrongText), o.failedText().orElse(failedText), Map.of());
        } catch (ConfigRefusal wrong) {
            throw wrong.within(where.substring(0, where.length() - 1));
        } catch (IllegalArgumentException wrong) {
            throw new IllegalArgumentException(where + wrong.getMessage(), wrong);
        }
    }

    /** Whether the visitor must answer a question. */
    boolean asks() {
        return check != Check.WAIT;
    }

    /** Whether the visitor must wait. */
    boolean waits() {
        return check != Check.QUESTION;
    }

    /** One room's overrides; each key is optional and means the same as the plugin-wide one. */
    public record RoomOverrides(Optional<Check> check, Optional<Duration> waitTime, Optional<Integer> tries,
                                Optional<List<Question>> questions, Optional<Integer> maxWaiting,
                                Optional<Integer> messagesPerMinute, Optional<String> waitText,
                                Optional<String> questionText, Optional<String> bothText,
                                Optional<String> answeredText, Optional<String> passedText,
                                Optional<String> wrongText, Optional<String> failedText) {
    }

    private static void validate(String where, Check check, Duration waitTime, int tries, List<Question> questions,
                                 int maxWaiting, int messagesPerMinute, List<String> texts) {
        Objects.requireNonNull(check, where + "check");
        if (waitTime.isNegative()) {
            throw new ConfigRefusal(where + "wait-time", "config.not-negative");
        }
        if (tries < 1) {
            throw new ConfigRefusal(where + "tries", "config.at-least-one", tries);
        }
        if (check != Check.WAIT && questions.isEmpty()) {
            throw new ConfigRefusal(where + "questions", "config.check-needs-question",
                    check.name().toLowerCase(Locale.ROOT));
        }
        if (maxWaiting < 1) {
            throw new ConfigRefusal(where + "max-waiting", "config.at-least-one", maxWaiting);
        }
        if (messagesPerMinute < 1) {
            throw new ConfigRefusal(where + "messages-per-minute", "config.at-least-one", messagesPerMinute);
        }
        for (String text : texts) {
            Objects.requireNonNull(text, where + "text");
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                if (!PLACEHOLDERS.contains(placeholder.group(1))) {
                    throw new ConfigRefusal(where.isEmpty() ? "" : where.substring(0, where.length() - 1),
                            "config.unknown-placeholder-in", placeholder.group(), text,
                            "{nick} {room} {wait} {question} {tries}");
                }
            }
        }
    }
}
