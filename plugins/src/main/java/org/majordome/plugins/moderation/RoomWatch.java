package org.majordome.plugins.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.majordome.api.event.Occupant;
import org.majordome.plugins.moderation.ModerationConfig.CapsRule;
import org.majordome.plugins.moderation.ModerationConfig.FloodRule;
import org.majordome.plugins.moderation.ModerationConfig.LinkRule;
import org.majordome.plugins.moderation.ModerationConfig.MentionRule;
import org.majordome.plugins.moderation.ModerationConfig.NicknameRule;
import org.majordome.plugins.moderation.ModerationConfig.Policy;
import org.majordome.plugins.moderation.ModerationConfig.RepetitionRule;
import org.majordome.plugins.moderation.ModerationConfig.WordRule;

/**
 * What the rules remember about one room and the checks that use it. Memory is bounded: per-offender
 * activity and raid texts live in size-capped maps and are swept of what the windows no longer need.
 * Calls are synchronized: a room's events come in order, but expiry jobs and commands run elsewhere.
 */
final class RoomWatch {

    private static final int MAX_TRACKED = 5_000;
    private static final int MAX_RECENT_TEXTS = 8;
    /** How long a message can still be corrected for its correction to take it along (clients correct the last one). */
    static final Duration CORRECTABLE_FOR = Duration.ofMinutes(5);
    private static final int COMPARED_CHARS = 500;
    private static final long[] NO_TRIGRAMS = {};
    private static final int MIN_MENTIONED_NICK = 3;
    private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|www\\.)([^\\s/?#:<>\"'\\\\]+)");

    private final Policy policy;
    private final WordMatcher words;
    private final Map<String, Activity> activity = capped(MAX_TRACKED);
    private final Map<String, Map<String, Instant>> raidTexts = capped(1_000);
    private final Deque<Instant> joins = new ArrayDeque<>();
    /**
     * Sender's message id → the room's stanza id, to remove the original when its correction is removed; kept
     * {@link #CORRECTABLE_FOR}, not only capped: a cap alone let every room hold 2,000 ids for hours (about
     * 30 MB over 100 rooms at a steady 0.2 message per second each, the soak harness's heap slope).
     */
    private final Map<String, RememberedId> stanzaIdsByMessageId = capped(2_000);
    private Instant lastJoin = Instant.MIN;

    RoomWatch(Policy policy) {
        this.policy = policy;
        this.words = WordMatcher.compile(policy.words().words(), policy.words().patterns());
    }

    Policy policy() {
        return policy;
    }

    /** Remembers when someone joined, for the newcomer link rule; true when the joins amount to a flood. */
    synchronized boolean joined(Offender offender, Instant at) {
        activityOf(offender.key()).joinedAt = at;
        lastJoin = at;
        joins.addLast(at);
        Instant horizon = at.minus(policy.joinFlood().per());
        while (!joins.isEmpty() && joins.peekFirst().isBefore(horizon)) {
            joins.removeFirst();
        }
        if (policy.joinFlood().enabled() && joins.size() > policy.joinFlood().maxJoins()) {
            joins.clear();
            return true;
        }
        return false;
    }

    synchronized Instant lastJoin() {
        return lastJoin;
    }

    /** Moves what is known under a nick to the new nick (occupants known only by nick). */
    synchronized void renamed(String oldKey, String newKey) {
        Activity known = activity.remove(oldKey);
        if (known != null) {
            activity.put(newKey, known);
        }
    }

    synchronized void rememberStanzaId(String messageId, String stanzaId, Instant at) {
        forgetIdsBefore(at.minus(CORRECTABLE_FOR));
        stanzaIdsByMessageId.put(messageId, new RememberedId(stanzaId, at));
    }

    synchronized Optional<String> stanzaIdOf(String messageId) {
        return Optional.ofNullable(stanzaIdsByMessageId.get(messageId)).map(RememberedId::stanzaId);
    }

    /** Insertion order is arrival order: the oldest are first. */
    private void forgetIdsBefore(Instant horizon) {
        var oldest = stanzaIdsByMessageId.values().iterator();
        while (oldest.hasNext() && oldest.next().at().isBefore(horizon)) {
            oldest.remove();
        }
    }

    private record RememberedId(String stanzaId, Instant at) {
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
        // Repetition and the word rule read the same folded words: fold once (repetition reads at most
        // COMPARED_CHARS, so a longer message folds again for it).
        if (policy.repetition().enabled() || policy.words().enabled()) {
            String folded = TextNormalizer.fold(capped, capped.length());
            String foldedWords = TextNormalizer.wordsOfFolded(folded);
            repetition(sender, mine, capped.length() <= COMPARED_CHARS ? foldedWords
                    : TextNormalizer.words(capped, COMPARED_CHARS), at, found);
            wordsAndPatterns(folded, foldedWords, found);
        }
        links(mine, capped, at, found);
        mentions(sender, capped, present, found);
        caps(capped, found);
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
                            rule.action(), false, rule.dryRun())));
        }
        if (rule.protectModerators() && found.isEmpty()) {
            String skeleton = TextNormalizer.skeleton(nick, 200);
            List<String> protectedNicks = new ArrayList<>(rule.protectedNicks());
            protectedNicks.addAll(moderatorNicks);
            for (String other : protectedNicks) {
                if (!other.equals(nick) && !skeleton.isEmpty() && TextNormalizer.skeleton(other, 200).equals(skeleton)) {
                    found.add(new Violation("nicknames", "nickname imitates '" + other + "'", rule.points(),
                            rule.action(), false, rule.dryRun()));
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
        Instant raidHorizon = now.minus(policy.repetition().raidWindow());
        raidTexts.values().forEach(senders -> senders.values().removeIf(time -> time.isBefore(raidHorizon)));
        raidTexts.values().removeIf(Map::isEmpty);
        forgetIdsBefore(now.minus(CORRECTABLE_FOR));
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
            found.add(violation(rule, mine.times.size() + " messages within " + describe(rule.per())));
            // A burst is one offence: the next one needs a new burst.
            mine.times.clear();
        }
        if (body.length() > rule.maxChars()) {
            found.add(violation(rule, body.length() + " characters in one message"));
        } else {
            int lines = 1;
            for (int i = 0; i < body.length() && lines <= rule.maxLines(); i++) {
                if (body.charAt(i) == '\n') {
                    lines++;
                }
            }
            if (lines > rule.maxLines()) {
                found.add(violation(rule, "more than " + rule.maxLines() + " lines in one message"));
            }
        }
    }

    /** @param words the message's first {@link #COMPARED_CHARS} characters, {@link TextNormalizer#words} */
    private void repetition(Offender sender, Activity mine, String words, Instant at, List<Violation> found) {
        RepetitionRule rule = policy.repetition();
        if (!rule.enabled()) {
            return;
        }
        String skeleton = words.replace(" ", "");
        if (skeleton.length() < rule.minLength()) {
            return;
        }
        long[] trigrams = rule.similarity() < 1.0 ? trigrams(skeleton) : NO_TRIGRAMS;
        Instant horizon = at.minus(rule.within());
        mine.recent.removeIf(text -> text.at.isBefore(horizon));
        int same = 1;
        for (RecentText text : mine.recent) {
            if (text.skeleton.equals(skeleton)
                    || rule.similarity() < 1.0 && similar(text.trigrams, trigrams, rule.similarity())) {
                same++;
            }
        }
        mine.recent.addLast(new RecentText(skeleton, trigrams, at));
        if (mine.recent.size() > MAX_RECENT_TEXTS) {
            mine.recent.removeFirst();
        }
        if (same >= rule.maxRepeats()) {
            found.add(new Violation("repetition", "the same text " + same + " times within " + describe(rule.within()),
                    rule.points(), rule.action(), rule.removeMessage(), rule.dryRun()));
            mine.recent.clear();
        }
        if (skeleton.length() < rule.raidMinLength()) {
            return;
        }
        Map<String, Instant> senders = raidTexts.computeIfAbsent(skeleton, ignored -> new LinkedHashMap<>());
        Instant raidHorizon = at.minus(rule.raidWindow());
        senders.values().removeIf(time -> time.isBefore(raidHorizon));
        senders.put(sender.key(), at);
        if (senders.size() >= rule.raidOccupants()) {
            found.add(new Violation("raid", "the same text from " + senders.size() + " occupants within "
                    + describe(rule.raidWindow()), rule.points(), rule.action(), true, rule.dryRun()));
        }
    }

    private void wordsAndPatterns(String folded, String foldedWords, List<Violation> found) {
        WordRule rule = policy.words();
        if (!rule.enabled() || words.isEmpty()) {
            return;
        }
        Optional<String> hit = words.findWord(foldedWords)
                .map(word -> "word '" + word + "'")
                .or(() -> words.findPattern(folded).map(pattern -> "pattern '" + pattern + "'"));
        hit.ifPresent(detail -> found.add(new Violation("words", detail, rule.points(), rule.action(),
                rule.removeMessage(), rule.dryRun())));
    }

    private void links(Activity mine, String capped, Instant at, List<Violation> found) {
        LinkRule rule = policy.links();
        if (!rule.enabled()) {
            return;
        }
        if (!mayHoldLink(capped)) {
            return;
        }
        List<String> hosts = new ArrayList<>();
        Matcher matcher = LINK.matcher(capped);
        while (matcher.find()) {
            hosts.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        if (hosts.isEmpty()) {
            return;
        }
        String detail = null;
        if (hosts.size() > rule.maxLinks()) {
            detail = hosts.size() + " links in one message";
        } else if (!rule.newcomerPeriod().isZero() && mine.joinedAt != null
                && mine.joinedAt.plus(rule.newcomerPeriod()).isAfter(at)) {
            detail = "a link less than " + describe(rule.newcomerPeriod()) + " after joining";
        } else {
            for (String host : hosts) {
                if (rule.denyDomains().stream().anyMatch(domain -> within(host, domain))) {
                    detail = "a link to the denied domain " + host;
                    break;
                }
                if (!rule.allowDomains().isEmpty() && rule.allowDomains().stream().noneMatch(domain -> within(host, domain))) {
                    detail = "a link to " + host + ", not an allowed domain";
                    break;
                }
            }
        }
        if (detail != null) {
            found.add(new Violation("links", detail, rule.points(), rule.action(), rule.removeMessage(), rule.dryRun()));
        }
    }

    private void mentions(Offender sender, String capped, List<Occupant> present, List<Violation> found) {
        MentionRule rule = policy.mentions();
        if (!rule.enabled() || present.size() <= rule.maxMentions()) {
            return;
        }
        String text = capped.toLowerCase(Locale.ROOT);
        int named = 0;
        for (Occupant occupant : present) {
            String nick = occupant.nick().toLowerCase(Locale.ROOT);
            if (nick.length() >= MIN_MENTIONED_NICK && !occupant.nick().equals(sender.nick()) && names(text, nick)) {
                named++;
            }
        }
        if (named > rule.maxMentions()) {
            found.add(new Violation("mentions", named + " occupants named in one message", rule.points(),
                    rule.action(), rule.removeMessage(), rule.dryRun()));
        }
    }

    private void caps(String capped, List<Violation> found) {
        CapsRule rule = policy.caps();
        if (!rule.enabled()) {
            return;
        }
        int letters = 0;
        int capitals = 0;
        for (int i = 0; i < capped.length(); i++) {
            char c = capped.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    capitals++;
                }
            }
        }
        if (letters >= rule.minLetters() && capitals > rule.maxRatio() * letters) {
            found.add(new Violation("caps", capitals + " of " + letters + " letters are capitals", rule.points(),
                    rule.action(), rule.removeMessage(), rule.dryRun()));
        }
    }

    private Activity activityOf(String key) {
        return activity.computeIfAbsent(key, ignored -> new Activity());
    }

    /** Whether the nick appears in the text as a word of its own (not inside a longer word). */
    private static boolean names(String text, String nick) {
        int from = 0;
        while (true) {
            int at = text.indexOf(nick, from);
            if (at < 0) {
                return false;
            }
            int end = at + nick.length();
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startsWord && endsWord) {
                return true;
            }
            from = at + 1;
        }
    }

    /**
     * False when {@link #LINK} cannot match: it needs {@code ://} or {@code www.} (its case-insensitive
     * letters fold only to themselves). Most messages hold neither, and the regular expression costs more
     * than every other text rule together.
     */
    static boolean mayHoldLink(String text) {
        if (text.contains("://")) {
            return true;
        }
        for (int dot = text.indexOf('.', 3); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            if (text.regionMatches(true, dot - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(String host, String domain) {
        String wanted = domain.toLowerCase(Locale.ROOT);
        return host.equals(wanted) || host.endsWith("." + wanted);
    }

    /**
     * The distinct character trigrams of {@code text}, each packed in a long, sorted: compared by one merge
     * pass, without boxing (a set of boxed longs made this rule most of moderation's cost per message).
     */
    static long[] trigrams(String text) {
        int count = Math.max(0, text.length() - 2);
        long[] grams = new long[count];
        for (int i = 0; i < count; i++) {
            grams[i] = ((long) text.charAt(i) << 32) | ((long) text.charAt(i + 1) << 16) | text.charAt(i + 2);
        }
        Arrays.sort(grams);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || grams[i] != grams[distinct - 1]) {
                grams[distinct++] = grams[i];
            }
        }
        return distinct == count ? grams : Arrays.copyOf(grams, distinct);
    }

    private static boolean similar(long[] a, long[] b, double similarity) {
        // The smaller set's size over the larger's bounds the similarity: most pairs stop there.
        int smaller = Math.min(a.length, b.length);
        int larger = Math.max(a.length, b.length);
        return smaller >= similarity * larger - 1e-9 && jaccard(a, b) >= similarity;
    }

    /** |a ∩ b| / |a ∪ b| of two sorted sets of distinct trigrams. */
    static double jaccard(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    private static Violation violation(FloodRule rule, String detail) {
        return new Violation("flood", detail, rule.points(), rule.action(), rule.removeMessage(), rule.dryRun());
    }

    static String describe(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
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

    private static <K, V> Map<K, V> capped(int max) {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }

    /** What one offender did lately. */
    private static final class Activity {
        final Deque<Instant> times = new ArrayDeque<>();
        final Deque<RecentText> recent = new ArrayDeque<>();
        Instant joinedAt;
        Instant lastSeen = Instant.MIN;
    }

    private record RecentText(String skeleton, long[] trigrams, Instant at) {
    }
}
