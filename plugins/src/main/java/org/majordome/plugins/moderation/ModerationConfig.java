package org.majordome.plugins.moderation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.google.re2j.PatternSyntaxException;
import org.majordome.api.text.ConfigRefusal;

/**
 * The section {@code plugins.moderation}: plugin-wide rules and ladder, and per-room overrides.
 * See the package documentation for the commented default.
 *
 * @param dryRun           log every case as "would have" without acting, in every room
 * @param exemptMembers    never action room members (owners, admins and moderators are always exempt)
 * @param warnPrivately    send warnings as private messages instead of replies in the room
 * @param maxExaminedChars how much of a message the text rules read (words, patterns, links, mentions,
 *                         capitals); the rest is not examined, so a 100 KB message costs no more than this
 * @param pointsDecayEvery one whole point of an offender's record is forgotten at the end of each full period of
 *                         this length (points are whole: the total logged is the total the ladder compares)
 * @param ladder           the escalation ladder: the highest rung whose points an offender reached is applied
 * @param defaultMute      how long a mute lasts when no duration is given (rule actions, {@code !mute})
 * @param defaultBan       how long a ban lasts when no duration is given; zero for permanent
 * @param flood            too many messages, lines or characters
 * @param repetition       the same text again and again, by one occupant or several (raid)
 * @param words            forbidden words and patterns
 * @param links            too many links, links from newcomers, denied domains
 * @param mentions         one message naming many occupants
 * @param caps             shouting
 * @param nicknames        forbidden or impersonating nicknames
 * @param joinFlood        many joins in a short time: lock the room down
 * @param rooms            per-room overrides, by room JID
 * @param appeals          how sanctioned people appeal their cases ({@link AppealSettings})
 * @param blocklists       real-time block lists followed (XEP-0060 nodes of SHA-256 hashes of banned JIDs or domains)
 * @param publishBans      the block list the bot publishes its bans to, if any
 */
public record ModerationConfig(boolean dryRun, boolean exemptMembers, boolean warnPrivately, int maxExaminedChars,
                               Duration pointsDecayEvery, List<Rung> ladder, Duration defaultMute,
                               Duration defaultBan, FloodRule flood, RepetitionRule repetition, WordRule words,
                               LinkRule links, MentionRule mentions, CapsRule caps, NicknameRule nicknames,
                               JoinFloodRule joinFlood, Map<String, RoomOverrides> rooms, AppealSettings appeals,
                               List<BlockListSettings.BlockList> blocklists,
                               Optional<BlockListSettings.PublishBans> publishBans) {

    public ModerationConfig {
        positive(maxExaminedChars, "max-examined-chars");
        positive(pointsDecayEvery, "points-decay-every");
        ladder = List.copyOf(ladder);
        if (ladder.isEmpty()) {
            throw new ConfigRefusal("ladder", "config.ladder-empty");
        }
        positive(defaultMute, "default-mute");
        Objects.requireNonNull(defaultBan, "default-ban");
        rooms = Map.copyOf(rooms);
        blocklists = List.copyOf(blocklists);
        Objects.requireNonNull(publishBans, "publish-bans");
        Objects.requireNonNull(appeals, "appeals");
    }

    /** The settings without {@code appeals} and block lists, which take their defaults. */
    public ModerationConfig(boolean dryRun, boolean exemptMembers, boolean warnPrivately, int maxExaminedChars,
                            Duration pointsDecayEvery, List<Rung> ladder, Duration defaultMute, Duration defaultBan,
                            FloodRule flood, RepetitionRule repetition, WordRule words, LinkRule links,
                            MentionRule mentions, CapsRule caps, NicknameRule nicknames, JoinFloodRule joinFlood,
                            Map<String, RoomOverrides> rooms) {
        this(dryRun, exemptMembers, warnPrivately, maxExaminedChars, pointsDecayEvery, ladder, defaultMute, defaultBan,
                flood, repetition, words, links, mentions, caps, nicknames, joinFlood, rooms, AppealSettings.defaults(),
                List.of(), Optional.empty());
    }

    public static ModerationConfig defaults() {
        return new ModerationConfig(false, false, false, 2_000, Duration.ofMinutes(15), Rung.defaultLadder(),
                Duration.ofMinutes(10), Duration.ofHours(24), FloodRule.defaults(), RepetitionRule.defaults(),
                WordRule.defaults(), LinkRule.defaults(), MentionRule.defaults(), CapsRule.defaults(),
                NicknameRule.defaults(), JoinFloodRule.defaults(), Map.of(), AppealSettings.defaults(), List.of(),
                Optional.empty());
    }

    /** The effective policy of a room: the plugin-wide settings with the room's overrides applied. */
    public Policy policyFor(String roomJid) {
        RoomOverrides room = rooms.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(roomJid))
                .map(Map.Entry::getValue).findFirst().orElse(RoomOverrides.NONE);
        return new Policy(room.dryRun().orElse(dryRun), room.exemptMembers().orElse(exemptMembers),
                room.warnPrivately().orElse(warnPrivately), maxExaminedChars, pointsDecayEvery,
                room.ladder().orElse(ladder), defaultMute, defaultBan, room.flood().orElse(flood),
                room.repetition().orElse(repetition), room.words().orElse(words), room.links().orElse(links),
                room.mentions().orElse(mentions), room.caps().orElse(caps), room.nicknames().orElse(nicknames),
                room.joinFlood().orElse(joinFlood), room.appeals().orElse(appeals));
    }

    /** What a room's policy is made of, after overrides. */
    public record Policy(boolean dryRun, boolean exemptMembers, boolean warnPrivately, int maxExaminedChars,
                         Duration pointsDecayEvery, List<Rung> ladder, Duration defaultMute, Duration defaultBan,
                         FloodRule flood, RepetitionRule repetition, WordRule words, LinkRule links,
                         MentionRule mentions, CapsRule caps, NicknameRule nicknames, JoinFloodRule joinFlood,
                         AppealSettings appeals) {

        /** A policy without {@code appeals}, which take their defaults. */
        public Policy(boolean dryRun, boolean exemptMembers, boolean warnPrivately, int maxExaminedChars,
                      Duration pointsDecayEvery, List<Rung> ladder, Duration defaultMute, Duration defaultBan,
                      FloodRule flood, RepetitionRule repetition, WordRule words, LinkRule links,
                      MentionRule mentions, CapsRule caps, NicknameRule nicknames, JoinFloodRule joinFlood) {
            this(dryRun, exemptMembers, warnPrivately, maxExaminedChars, pointsDecayEvery, ladder, defaultMute,
                    defaultBan, flood, repetition, words, links, mentions, caps, nicknames, joinFlood,
                    AppealSettings.defaults());
        }
    }

    /**
     * One room's differences from the plugin-wide settings. A rule given here replaces the plugin-wide rule as
     * a whole: keys it leaves out take the rule's built-in defaults, not the plugin-wide values.
     */
    public record RoomOverrides(Optional<Boolean> dryRun, Optional<Boolean> exemptMembers,
                                Optional<Boolean> warnPrivately, Optional<List<Rung>> ladder,
                                Optional<FloodRule> flood, Optional<RepetitionRule> repetition,
                                Optional<WordRule> words, Optional<LinkRule> links, Optional<MentionRule> mentions,
                                Optional<CapsRule> caps, Optional<NicknameRule> nicknames,
                                Optional<JoinFloodRule> joinFlood, Optional<AppealSettings> appeals) {

        static final RoomOverrides NONE = new RoomOverrides(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        /** The overrides without {@code appeals}, which the room takes from the plugin-wide settings. */
        public RoomOverrides(Optional<Boolean> dryRun, Optional<Boolean> exemptMembers, Optional<Boolean> warnPrivately,
                             Optional<List<Rung>> ladder, Optional<FloodRule> flood,
                             Optional<RepetitionRule> repetition, Optional<WordRule> words, Optional<LinkRule> links,
                             Optional<MentionRule> mentions, Optional<CapsRule> caps,
                             Optional<NicknameRule> nicknames, Optional<JoinFloodRule> joinFlood) {
            this(dryRun, exemptMembers, warnPrivately, ladder, flood, repetition, words, links, mentions, caps,
                    nicknames, joinFlood, Optional.empty());
        }
    }

    /** What an offence costs beyond its points. */
    public enum Sanction {
        /** A warning, in the room or privately. */
        WARN,
        /** The message removed for everyone (XEP-0425). */
        REMOVE,
        /** Voice revoked (role visitor) for a while. */
        MUTE,
        /** Removed from the room for now. */
        KICK,
        /** Banned (affiliation outcast) for a while or for good. */
        BAN
    }

    /** What a rule does: climb the ladder, or always the same sanction (points are counted either way). */
    public enum RuleAction { LADDER, WARN, REMOVE, MUTE, KICK, BAN }

    /**
     * A rung of the ladder.
     *
     * @param points        the points from which it applies
     * @param action        the sanction
     * @param duration      for mute and ban: how long (zero: the plugin's default mute; a permanent ban)
     * @param removeMessage also remove the offending message for everyone
     */
    public record Rung(int points, Sanction action, Duration duration, boolean removeMessage) {
        public Rung {
            positive(points, "ladder points");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(duration, "duration");
        }

        public static Rung defaults() {
            return new Rung(1, Sanction.WARN, Duration.ZERO, false);
        }

        static List<Rung> defaultLadder() {
            return List.of(new Rung(1, Sanction.WARN, Duration.ZERO, false),
                    new Rung(3, Sanction.MUTE, Duration.ofMinutes(10), true),
                    new Rung(6, Sanction.KICK, Duration.ZERO, true),
                    new Rung(10, Sanction.BAN, Duration.ofHours(24), true));
        }
    }

    /** Flood: more than {@code maxMessages} in {@code per}; more than {@code maxLines} lines or {@code maxChars} characters in one. */
    public record FloodRule(boolean enabled, int maxMessages, Duration per, int maxLines, int maxChars, int points,
                            RuleAction action, boolean removeMessage, boolean dryRun) {
        public FloodRule {
            positive(maxMessages, "flood.max-messages");
            positive(per, "flood.per");
            positive(maxLines, "flood.max-lines");
            positive(maxChars, "flood.max-chars");
        }

        public static FloodRule defaults() {
            return new FloodRule(true, 6, Duration.ofSeconds(4), 12, 3_000, 2, RuleAction.LADDER, false, false);
        }
    }

    /**
     * Repetition: the same or nearly the same text ({@code similarity} of character trigrams, 1.0 = identical)
     * {@code maxRepeats} times within {@code within} by one occupant; the same text from {@code raidOccupants}
     * occupants within {@code raidWindow}. Texts shorter than {@code minLength} letters and digits are not
     * compared, nor, for raids, shorter than {@code raidMinLength} (greetings are alike too).
     */
    public record RepetitionRule(boolean enabled, int maxRepeats, Duration within, double similarity, int minLength,
                                 int raidMinLength, int raidOccupants, Duration raidWindow, int points, RuleAction action,
                                 boolean removeMessage, boolean dryRun) {
        public RepetitionRule {
            if (maxRepeats < 2) {
                throw new ConfigRefusal("repetition.max-repeats", "config.two-or-more", maxRepeats);
            }
            positive(within, "repetition.within");
            if (similarity <= 0 || similarity > 1) {
                throw new ConfigRefusal("repetition.similarity", "config.ratio", similarity);
            }
            if (raidOccupants < 2) {
                throw new ConfigRefusal("repetition.raid-occupants", "config.two-or-more", raidOccupants);
            }
            positive(raidWindow, "repetition.raid-window");
        }

        public static RepetitionRule defaults() {
            return new RepetitionRule(true, 3, Duration.ofSeconds(60), 0.85, 6, 20, 3, Duration.ofSeconds(30), 2,
                    RuleAction.LADDER, true, false);
        }
    }

    /**
     * Forbidden words (matched as whole words after normalisation; a trailing {@code *} also matches longer
     * words) and RE2 patterns (matched anywhere in the folded text).
     */
    public record WordRule(boolean enabled, List<String> words, List<String> patterns, int points, RuleAction action,
                           boolean removeMessage, boolean dryRun) {
        public WordRule {
            words = List.copyOf(words);
            patterns = List.copyOf(patterns);
            for (String pattern : patterns) {
                try {
                    com.google.re2j.Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    throw new ConfigRefusal("words.patterns", e, "config.invalid-pattern", pattern, e.getDescription());
                }
            }
        }

        public static WordRule defaults() {
            return new WordRule(true, List.of(), List.of(), 3, RuleAction.LADDER, true, false);
        }
    }

    /**
     * Links: more than {@code maxLinks} in one message; any link from someone who joined less than
     * {@code newcomerPeriod} ago (zero: off); a host on {@code denyDomains} (subdomains included) or, when
     * {@code allowDomains} is not empty, a host off it.
     */
    public record LinkRule(boolean enabled, int maxLinks, Duration newcomerPeriod, List<String> denyDomains,
                           List<String> allowDomains, int points, RuleAction action, boolean removeMessage,
                           boolean dryRun) {
        public LinkRule {
            positive(maxLinks, "links.max-links");
            Objects.requireNonNull(newcomerPeriod, "newcomer-period");
            denyDomains = List.copyOf(denyDomains);
            allowDomains = List.copyOf(allowDomains);
        }

        public static LinkRule defaults() {
            return new LinkRule(true, 3, Duration.ofSeconds(60), List.of(), List.of(), 2, RuleAction.LADDER, true,
                    false);
        }
    }

    /** Mass highlight: one message naming more than {@code maxMentions} occupants. */
    public record MentionRule(boolean enabled, int maxMentions, int points, RuleAction action, boolean removeMessage,
                              boolean dryRun) {
        public MentionRule {
            positive(maxMentions, "mentions.max-mentions");
        }

        public static MentionRule defaults() {
            return new MentionRule(true, 5, 3, RuleAction.LADDER, true, false);
        }
    }

    /** Shouting: at least {@code minLetters} letters of which more than {@code maxRatio} are capitals. */
    public record CapsRule(boolean enabled, int minLetters, double maxRatio, int points, RuleAction action,
                           boolean removeMessage, boolean dryRun) {
        public CapsRule {
            positive(minLetters, "caps.min-letters");
            if (maxRatio <= 0 || maxRatio > 1) {
                throw new ConfigRefusal("caps.max-ratio", "config.ratio", maxRatio);
            }
        }

        public static CapsRule defaults() {
            return new CapsRule(true, 20, 0.7, 1, RuleAction.LADDER, false, false);
        }
    }

    /**
     * Nicknames that contain a forbidden word ({@code checkWords}) or look like a present moderator's or one of
     * {@code protectedNicks} after normalisation ({@code protectModerators}).
     */
    public record NicknameRule(boolean enabled, boolean checkWords, boolean protectModerators,
                               List<String> protectedNicks, int points, RuleAction action, boolean dryRun) {
        public NicknameRule {
            protectedNicks = List.copyOf(protectedNicks);
        }

        public static NicknameRule defaults() {
            return new NicknameRule(true, true, true, List.of(), 3, RuleAction.KICK, false);
        }
    }

    /**
     * Join flood: more than {@code maxJoins} joins in {@code per} locks the room down ({@code mode}) until no one
     * joined for {@code quietPeriod}.
     */
    public record JoinFloodRule(boolean enabled, int maxJoins, Duration per, LockdownMode mode,
                                Duration quietPeriod, boolean dryRun) {
        public JoinFloodRule {
            positive(maxJoins, "join-flood.max-joins");
            positive(per, "join-flood.per");
            Objects.requireNonNull(mode, "mode");
            positive(quietPeriod, "join-flood.quiet-period");
        }

        public static JoinFloodRule defaults() {
            return new JoinFloodRule(true, 8, Duration.ofSeconds(10), LockdownMode.MODERATED, Duration.ofMinutes(2),
                    false);
        }
    }

    /** How a lockdown closes the room. */
    public enum LockdownMode {
        /** Newcomers enter without voice (muc#roomconfig_moderatedroom); occupants present keep theirs. */
        MODERATED,
        /** Only members may enter (muc#roomconfig_membersonly); servers may also remove non-members present. */
        MEMBERS_ONLY
    }

    private static void positive(int value, String key) {
        if (value <= 0) {
            throw new ConfigRefusal(key, "config.positive", value);
        }
    }

    private static void positive(Duration value, String key) {
        Objects.requireNonNull(value, key);
        if (value.isNegative() || value.isZero()) {
            throw new ConfigRefusal(key, "config.positive-duration");
        }
    }
}
