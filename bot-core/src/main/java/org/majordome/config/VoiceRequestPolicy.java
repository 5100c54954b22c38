package org.majordome.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.majordome.api.DurationText;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.majordome.text.Phrase;

/**
 * What the bot does with a voice request in a room ({@code rooms[].voice-requests}, XEP-0045 §7.13, §8.6).
 * Written as {@code forward} (the default), {@code approve-members}, {@code deny}, or as a mapping
 * {@code approve-after: 10m}.
 *
 * @param kind  the policy
 * @param after for {@link Kind#APPROVE_AFTER}: how long the requester must have been in the room (as the bot saw
 *              them: since their join, or since the bot's own join for those already there); empty otherwise
 */
public record VoiceRequestPolicy(Kind kind, Optional<Duration> after) {

    /** The default: the room forwards requests to the moderators present; the bot only records them. */
    public static final VoiceRequestPolicy FORWARD = new VoiceRequestPolicy(Kind.FORWARD, Optional.empty());

    /** The policies, as written in the file. */
    public enum Kind {
        /** Left to the moderators present (the server forwards the request to them). */
        FORWARD,
        /** Voice for members, admins and owners; others' requests are left to the moderators. */
        APPROVE_MEMBERS,
        /** Voice for whoever has been in the room long enough; others' requests are left to the moderators. */
        APPROVE_AFTER,
        /** Every request is answered no. */
        DENY
    }

    static final Phrase EXPECTED = Phrase.of("config.expected.voice-requests");

    public VoiceRequestPolicy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(after, "after");
        if ((kind == Kind.APPROVE_AFTER) != after.isPresent()) {
            throw new IllegalArgumentException("a duration goes with approve-after, and only with it");
        }
    }

    /** Voice after this long in the room. */
    public static VoiceRequestPolicy approveAfter(Duration after) {
        return new VoiceRequestPolicy(Kind.APPROVE_AFTER, Optional.of(after));
    }

    public static VoiceRequestPolicy of(Kind kind) {
        return new VoiceRequestPolicy(kind, Optional.empty());
    }

    /** The policy as the file writes it. */
    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + after.map(duration -> ": " + DurationText.words(duration)).orElse("");
    }

    /** Reads {@code voice-requests}; problems are reported at the value, and then the room keeps the default. */
    static VoiceRequestPolicy read(ConfigReader room) {
        Optional<ConfigValue> value = room.value("voice-requests");
        if (value.isEmpty()) {
            return FORWARD;
        }
        if (value.get().node() instanceof MappingNode) {
            return value.get().asSection().flatMap(section -> {
                Optional<Duration> after = section.required("approve-after").flatMap(ConfigValue::asDuration);
                section.rejectUnknownKeys();
                return after.map(VoiceRequestPolicy::approveAfter);
            }).orElse(FORWARD);
        }
        return value.get().as(EXPECTED, text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "forward" -> FORWARD;
            case "approve-members" -> of(Kind.APPROVE_MEMBERS);
            case "deny" -> of(Kind.DENY);
            default -> throw new IllegalArgumentException("not a voice request policy");
        }).orElse(FORWARD);
    }
}
