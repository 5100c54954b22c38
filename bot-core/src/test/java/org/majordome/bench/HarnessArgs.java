package org.majordome.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code key=value} arguments every load harness takes (from {@code -Dbench.args}), read with their defaults,
 * and the way a harness's {@code main} ends. Shared by the harnesses of every module (the same package in the
 * test-jar).
 */
final class HarnessArgs {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    /** A harness's body: what its {@code main} runs with the parsed arguments. */
    @FunctionalInterface
    interface Harness {
        void run(HarnessArgs args) throws Exception;
    }

    private final Map<String, String> options;

    private HarnessArgs(Map<String, String> options) {
        this.options = options;
    }

    /**
     * Runs a harness from its {@code main}: a harness is a process of its own, which exits 0 when it is done and 1,
     * with the stack trace, when it fails (its own threads would otherwise keep a failed run alive).
     */
    static void run(String[] args, Harness harness) {
        try {
            harness.run(parse(args));
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    /** The arguments by key; throws on an argument without {@code =}. */
    static HarnessArgs parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        return new HarnessArgs(options);
    }

    String text(String key, String byDefault) {
        return options.getOrDefault(key, byDefault);
    }

    int integer(String key, int byDefault) {
        return options.containsKey(key) ? Integer.parseInt(options.get(key)) : byDefault;
    }

    long longInteger(String key, long byDefault) {
        return options.containsKey(key) ? Long.parseLong(options.get(key)) : byDefault;
    }

    boolean flag(String key, boolean byDefault) {
        return options.containsKey(key) ? Boolean.parseBoolean(options.get(key)) : byDefault;
    }

    /** A duration written {@code 500ms}, {@code 30s}, {@code 5m} or {@code 1h}. */
    Duration duration(String key, String byDefault) {
        String text = options.getOrDefault(key, byDefault);
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(key + ": expected a duration like 30s, 5m or 1h, got " + text);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
