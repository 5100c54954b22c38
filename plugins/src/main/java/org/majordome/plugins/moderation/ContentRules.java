package org.majordome.plugins.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.majordome.api.event.Occupant;
import org.majordome.plugins.moderation.ModerationConfig.CapsRule;
import org.majordome.plugins.moderation.ModerationConfig.LinkRule;
import org.majordome.plugins.moderation.ModerationConfig.MentionRule;
import org.majordome.plugins.moderation.ModerationConfig.Policy;
import org.majordome.plugins.moderation.ModerationConfig.WordRule;

/**
 * The rules that read what one message says: forbidden words and patterns, links, mass mentions and
 * capitals. They remember nothing between messages (the newcomer link rule reads when the sender joined).
 */
final class ContentRules {

    private static final int MIN_MENTIONED_NICK = 3;
    private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|www\\.)([^\\s/?#:<>\"'\\\\]+)");

    private final Policy policy;
    private final WordMatcher words;

    ContentRules(Policy policy, WordMatcher words) {
        this.policy = policy;
        this.words = words;
    }

    /** Whether the word rule has anything to look for: only then does a message's whole text need folding. */
    boolean wordsWanted() {
        return policy.words().enabled() && !words.isEmpty();
    }

    void wordsAndPatterns(FoldedText text, List<Violation> found) {
        WordRule rule = policy.words();
        if (!wordsWanted()) {
            return;
        }
        Optional<Violation> hit = words.findWord(text.words())
                .map(word -> new Violation("words", "word '" + word + "'", rule.points(), rule.action(),
                        rule.removeMessage(), rule.dryRun()).saying("word", word))
                .or(() -> words.findPattern(text.folded()).map(pattern -> new Violation("words", "pattern '" + pattern
                        + "'", rule.points(), rule.action(), rule.removeMessage(), rule.dryRun())
                        .saying("pattern", pattern)));
        hit.ifPresent(found::add);
    }

    void links(Activity mine, String capped, Instant at, List<Violation> found) {
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
        String key = null;
        Object[] args = {};
        if (hosts.size() > rule.maxLinks()) {
            detail = hosts.size() + " links in one message";
            key = "link.count";
            args = new Object[] {Integer.toString(hosts.size())};
        } else if (!rule.newcomerPeriod().isZero() && mine.joinedAt != null
                && mine.joinedAt.plus(rule.newcomerPeriod()).isAfter(at)) {
            detail = "a link less than " + RoomWatch.describe(rule.newcomerPeriod()) + " after joining";
            key = "link.newcomer";
            args = new Object[] {rule.newcomerPeriod()};
        } else {
            for (String host : hosts) {
                if (rule.denyDomains().stream().anyMatch(domain -> within(host, domain))) {
                    detail = "a link to the denied domain " + host;
                    key = "link.denied";
                    args = new Object[] {host};
                    break;
                }
                if (!rule.allowDomains().isEmpty() && rule.allowDomains().stream().noneMatch(domain -> within(host, domain))) {
                    detail = "a link to " + host + ", not an allowed domain";
                    key = "link.not-allowed";
                    args = new Object[] {host};
                    break;
                }
            }
        }
        if (detail != null) {
            found.add(new Violation("links", detail, rule.points(), rule.action(), rule.removeMessage(), rule.dryRun())
                    .saying(key, args));
        }
    }

    void mentions(Offender sender, String capped, List<Occupant> present, List<Violation> found) {
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
                    rule.action(), rule.removeMessage(), rule.dryRun()).saying("mentions", Integer.toString(named)));
        }
    }

    void caps(String capped, List<Violation> found) {
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
                    rule.action(), rule.removeMessage(), rule.dryRun())
                    .saying("caps", Integer.toString(capitals), Integer.toString(letters)));
        }
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
}
