package org.majordome.plugins.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.majordome.api.DurationText;
import org.majordome.api.event.Occupant;
import org.majordome.plugins.moderation.ModerationConfig.FloodRule;
import org.majordome.plugins.moderation.ModerationConfig.NicknameRule;
import org.majordome.plugins.moderation.ModerationConfig.Policy;

/**
 * What the rules remember about one room, and the order in which they read a message: the flood rule here,
 * the repetition rule in {@link RepetitionWatch}, what a message says in {@link ContentRules}, joins in
 * {@link JoinFloodWatch}, correctable message ids in {@link CorrectableIds}. Memory is bounded: per-offender
 * activity and raid texts live in size-capped maps and are swept of what the windows no longer need.
 * Calls are synchronized (and guard the helpers): a room's events come in order, but expiry jobs and
 * commands run elsewhere.
 */
final class RoomWatch {

    private static final int MAX_TRACKED = 5_000;
    /** How long a message can still be corrected for its correction to take it along (clients correct the last one). */
    static final Duration CORRECTABLE_FOR = CorrectableIds.CORRECTABLE_FOR;

    private final Policy policy;
    private final WordMatcher words;
    private final ContentRules content;
    private final RepetitionWatch repetition;
    private final JoinFloodWatch joins;
    private final CorrectableIds correctable = new CorrectableIds();
    private final Map<String, Activity> activity = capped(MAX_TRACKED);
    /** Protected nicks' skeletons: every join compares with them all, and they rarely change. */
    private final Map<String, String> skeletons = capped(256);

    RoomWatch(Policy policy) {
        this.policy = policy;
        this.words = WordMatcher.compile(policy.words().words(), policy.words().patterns());
        this.content = new ContentRules(policy, words);
        this.repetition = new RepetitionWatch(policy.repetition());
        this.joins = new JoinFloodWatch(policy.joinFlood());
    }

    Policy policy() {
        return policy;
    }

    /** Remembers when someone joined, for the newcomer link rule; true when the joins amount to a flood. */
    synchronized boolean joined(Offender offender, Instant at) {
        activityOf(offender.key()).joinedAt = at;
        return joins.joined(at);
    }

    synchronized Instant lastJoin() {
        return joins.lastJoin();
    }

    /** Moves what is known under a nick to the new nick (occupants known only by nick). */
    synchronized void renamed(String oldKey, String newKey) {
        Activity known = activity.remove(oldKey);
        if (known != null) {
            activity.put(newKey, known);
        }
    }

    synchronized void rememberStanzaId(String messageId, String stanzaId, Instant at) {
        correctable.remember(messageId, stanzaId, at);
    }

    synchronized Optional<String> stanzaIdOf(String messageId) {
        return correctable.stanzaIdOf(messageId);
    }

    /**
     * Every rule the message breaks. Only the first {@code maxExaminedChars} characters are read by the text
     * rules; length and line count look at the whole message (cheap: no allocation).
     */
    synchronized List<Violation> check(Offender sender, String body, List<Occupant> present, Instant at) {
        List<Violation> found = new ArrayList<>();
        Activity mine = activityOf(sender.key());
        mine.lastSeen = at;
        flood(mine, body, at, found);
        int cap = policy.maxExaminedChars();
        String capped = body.length() > cap ? body.substring(0, cap) : body;
        FoldedText folded = FoldedText.of(capped, content.wordsWanted(), policy.repetition().enabled());
        repetition.check(sender, mine, folded.comparedWords(), at, found);
        content.wordsAndPatterns(folded, found);
        content.links(mine, capped, at, found);
        content.mentions(sender, capped, present, found);
        content.caps(capped, found);
        return found;
    }

    /** The nickname rules, for a join or a nick change. */
    synchronized List<Violation> checkNick(String nick, List<Occupant> present, List<String> moderatorNicks) {
        NicknameRule rule = policy.nicknames();
        List<Violation> found = new ArrayList<>();
        if (!rule.enabled()) {
            return found;
        }
        if (rule.checkWords()) {
            words.findWord(TextNormalizer.words(nick, policy.maxExaminedChars())).ifPresent(word ->
                    found.add(new Violation("nicknames", "nickname contains '" + word + "'", rule.points(),
                            rule.action(), false, rule.dryRun()).saying("nickname.contains", word)));
        }
        if (rule.protectModerators() && found.isEmpty()) {
            String skeleton = TextNormalizer.skeleton(nick, 200);
            List<String> protectedNicks = new ArrayList<>(rule.protectedNicks());
            protectedNicks.addAll(moderatorNicks);
            for (String other : protectedNicks) {
                if (!other.equals(nick) && !skeleton.isEmpty()
                        && skeletons.computeIfAbsent(other, known -> TextNormalizer.skeleton(known, 200)).equals(skeleton)) {
                    found.add(new Violation("nicknames", "nickname imitates '" + other + "'", rule.points(),
                            rule.action(), false, rule.dryRun()).saying("nickname.imitates", other));
                    break;
                }
            }
        }
        return found;
    }

    /** Forgets what no window needs any more; run now and then. */
    synchronized void sweep(Instant now) {
        Duration longest = max(policy.flood().per(), policy.repetition().within(), policy.links().newcomerPeriod());
        Instant horizon = now.minus(longest);
        activity.values().removeIf(known -> known.lastSeen.isBefore(horizon)
                && (known.joinedAt == null || known.joinedAt.isBefore(horizon)));
        repetition.sweep(now);
        correctable.forgetBefore(now.minus(CORRECTABLE_FOR));
    }

    private void flood(Activity mine, String body, Instant at, List<Violation> found) {
        FloodRule rule = policy.flood();
        if (!rule.enabled()) {
            return;
        }
        mine.times.addLast(at);
        Instant horizon = at.minus(rule.per());
        while (!mine.times.isEmpty() && mine.times.peekFirst().isBefore(horizon)) {
            mine.times.removeFirst();
        }
        if (mine.times.size() > rule.maxMessages()) {
            found.add(violation(rule, mine.times.size() + " messages within " + describe(rule.per()))
                    .saying("flood.messages", Integer.toString(mine.times.size()), rule.per()));
            // A burst is one offence: the next one needs a new burst.
            mine.times.clear();
        }
        if (body.length() > rule.maxChars()) {
            found.add(violation(rule, body.length() + " characters in one message")
                    .saying("flood.characters", Integer.toString(body.length())));
        } else {
            int lines = 1;
            for (int i = 0; i < body.length() && lines <= rule.maxLines(); i++) {
                if (body.charAt(i) == '\n') {
                    lines++;
                }
            }
            if (lines > rule.maxLines()) {
                found.add(violation(rule, "more than " + rule.maxLines() + " lines in one message")
                        .saying("flood.lines", Integer.toString(rule.maxLines())));
            }
        }
    }

    private Activity activityOf(String key) {
        return activity.computeIfAbsent(key, ignored -> new Activity());
    }

    private static Violation violation(FloodRule rule, String detail) {
        return new Violation("flood", detail, rule.points(), rule.action(), rule.removeMessage(), rule.dryRun());
    }

    /** A rule's window in the words people read in a warning or a reason: "5 seconds", "10 minutes". */
    static String describe(Duration duration) {
        return DurationText.words(duration);
    }

    private static Duration max(Duration... durations) {
        Duration longest = Duration.ZERO;
        for (Duration duration : durations) {
            if (duration.compareTo(longest) > 0) {
                longest = duration;
            }
        }
        return longest;
    }

    /** A map that drops its oldest entry past {@code max} entries. */
    static <K, V> Map<K, V> capped(int max) {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }
}
