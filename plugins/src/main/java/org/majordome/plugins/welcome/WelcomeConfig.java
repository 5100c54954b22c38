package org.majordome.plugins.welcome;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.majordome.api.text.ConfigRefusal;

/**
 * The {@code plugins.welcome} section: the settings of every room, then per-room overrides under {@code rooms:}.
 * The YAML, with every default, is in the package documentation.
 *
 * @param firstTime       greeting for someone the room has never seen; placeholders {@code {nick}}, {@code {room}},
 *                        {@code {count}}, {@code {rules}}
 * @param returning       greeting for someone seen before, same placeholders
 * @param delivery        in the room for everyone, or privately to the newcomer
 * @param rules           what {@code !rules} shows and {@code {rules}} stands for; empty when the room has none
 * @param rejoinCooldown  no greeting for someone seen in the room less than this long ago (a reconnect, a flaky
 *                        client)
 * @param floodJoins      more joins than this within {@code floodWindow} is a join flood
 * @param floodWindow     the flood's time window, also how long the room must stay quiet for the flood to end
 * @param floodSummary    said once for several newcomers at a time (a burst within {@code greetingDelay}, or a
 *                        flood when it ends) instead of greeting each; {@code {newcomers}}, {@code {room}},
 *                        {@code {count}}; empty to say nothing
 * @param greetingDelay   how long a greeting waits for more joins, so that a burst gets one summary instead of
 *                        one greeting each; each newcomer restarts the wait; zero (1ms in a file) greets at once
 * @param settleAfterJoin no longer used: it kept joins seen this soon after the bot's own join from being greeted,
 *                        which left real newcomers ungreeted; the occupants already there when the bot joins get no
 *                        join event at all. Still accepted so that existing files load; the plugin warns when set
 * @param rooms           overrides by room JID; a key left out takes the value above
 */
public record WelcomeConfig(String firstTime, String returning, Delivery delivery, String rules,
                            Duration rejoinCooldown, int floodJoins, Duration floodWindow, String floodSummary,
                            Duration greetingDelay, Duration settleAfterJoin, Map<String, RoomOverrides> rooms) {

    /** The longest {@code greeting-delay}: a greeting that comes later than this is no longer a welcome. */
    public static final Duration MAX_GREETING_DELAY = Duration.ofMinutes(1);
    /** The value of {@code settle-after-join} when it is not set. */
    static final Duration UNUSED_SETTLE_AFTER_JOIN = Duration.ofSeconds(2);

    /** Where a greeting goes. */
    public enum Delivery {
        /** To the whole room. */
        PUBLIC,
        /** Privately to the newcomer, through the room (XEP-0045 §7.5). */
        PRIVATE
    }

    /** A word in braces: what a template placeholder looks like. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");
    private static final Set<String> GREETING_PLACEHOLDERS = Set.of("nick", "room", "count", "rules");
    private static final Set<String> SUMMARY_PLACEHOLDERS = Set.of("newcomers", "room", "count", "rules");

    public WelcomeConfig {
        checkTemplate("first-time", firstTime, GREETING_PLACEHOLDERS);
        checkTemplate("returning", returning, GREETING_PLACEHOLDERS);
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(rules, "rules");
        validate("", rejoinCooldown, floodJoins, floodWindow, greetingDelay, settleAfterJoin);
        checkTemplate("flood-summary", floodSummary, SUMMARY_PLACEHOLDERS);
        Map<String, RoomOverrides> lowerCased = new LinkedHashMap<>();
        for (Map.Entry<String, RoomOverrides> entry : rooms.entrySet()) {
            RoomOverrides o = entry.getValue();
            validate("rooms." + entry.getKey() + ".", o.rejoinCooldown().orElse(rejoinCooldown),
                    o.floodJoins().orElse(floodJoins), o.floodWindow().orElse(floodWindow),
                    o.greetingDelay().orElse(greetingDelay), o.settleAfterJoin().orElse(settleAfterJoin));
            lowerCased.put(entry.getKey().toLowerCase(Locale.ROOT), o);
        }
        rooms = java.util.Collections.unmodifiableMap(lowerCased);
    }

    /**
     * Every default: a public greeting after 2 s without another join, a 10-minute rejoin cooldown, a flood beyond
     * 5 joins in 30 s.
     */
    public static WelcomeConfig defaults() {
        return new WelcomeConfig("Welcome to {room}, {nick}! {rules}", "Welcome back, {nick}!", Delivery.PUBLIC, "",
                Duration.ofMinutes(10), 5, Duration.ofSeconds(30), "Welcome to the {newcomers} newcomers!",
                Duration.ofSeconds(2), UNUSED_SETTLE_AFTER_JOIN, Map.of());
    }

    /** The settings that apply in one room: the overrides for it over the plugin-wide values. */
    public WelcomeConfig forRoom(String roomJid) {
        RoomOverrides o = rooms.get(roomJid.toLowerCase(Locale.ROOT));
        if (o == null) {
            return this;
        }
        return new WelcomeConfig(o.firstTime().orElse(firstTime), o.returning().orElse(returning),
                o.delivery().orElse(delivery), o.rules().orElse(rules), o.rejoinCooldown().orElse(rejoinCooldown),
                o.floodJoins().orElse(floodJoins), o.floodWindow().orElse(floodWindow),
                o.floodSummary().orElse(floodSummary), o.greetingDelay().orElse(greetingDelay),
                o.settleAfterJoin().orElse(settleAfterJoin), Map.of());
    }

    /** One room's overrides; each key is optional and means the same as the plugin-wide one. */
    public record RoomOverrides(Optional<String> firstTime, Optional<String> returning, Optional<Delivery> delivery,
                                Optional<String> rules, Optional<Duration> rejoinCooldown,
                                Optional<Integer> floodJoins, Optional<Duration> floodWindow,
                                Optional<String> floodSummary, Optional<Duration> greetingDelay,
                                Optional<Duration> settleAfterJoin) {

        public RoomOverrides {
            firstTime.ifPresent(text -> checkTemplate("first-time", text, GREETING_PLACEHOLDERS));
            returning.ifPresent(text -> checkTemplate("returning", text, GREETING_PLACEHOLDERS));
            floodSummary.ifPresent(text -> checkTemplate("flood-summary", text, SUMMARY_PLACEHOLDERS));
        }

        /** No override at all. */
        public static RoomOverrides none() {
            return new RoomOverrides(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
    }

    /** True when a file still sets {@code settle-after-join}, here or for a room, which no longer has any effect. */
    boolean setsSettleAfterJoin() {
        return !settleAfterJoin.equals(UNUSED_SETTLE_AFTER_JOIN)
                || rooms.values().stream().anyMatch(o -> o.settleAfterJoin().isPresent());
    }

    private static void validate(String where, Duration rejoinCooldown, int floodJoins, Duration floodWindow,
                                 Duration greetingDelay, Duration settleAfterJoin) {
        requireNotNegative(rejoinCooldown, where + "rejoin-cooldown");
        if (greetingDelay.isNegative() || greetingDelay.compareTo(MAX_GREETING_DELAY) > 0) {
            throw new ConfigRefusal(where + "greeting-delay", "config.greeting-delay", MAX_GREETING_DELAY);
        }
        requireNotNegative(settleAfterJoin, where + "settle-after-join");
        if (floodJoins < 1) {
            throw new ConfigRefusal(where + "flood-joins", "config.at-least-one", floodJoins);
        }
        if (floodWindow.isNegative() || floodWindow.isZero()) {
            throw new ConfigRefusal(where + "flood-window", "config.positive-duration");
        }
    }

    /** A misspelt placeholder would be posted as it is, braces and all: refuse it when the file is read. */
    private static void checkTemplate(String key, String template, Set<String> known) {
        Objects.requireNonNull(template, key);
        Matcher placeholder = PLACEHOLDER.matcher(template);
        while (placeholder.find()) {
            if (!known.contains(placeholder.group(1))) {
                throw new ConfigRefusal(key, "config.unknown-placeholder", placeholder.group(),
                        known.stream().sorted().map(name -> "{" + name + "}").toList().toString());
            }
        }
    }

    private static void requireNotNegative(Duration duration, String key) {
        if (duration.isNegative()) {
            throw new ConfigRefusal(key, "config.not-negative");
        }
    }
}
