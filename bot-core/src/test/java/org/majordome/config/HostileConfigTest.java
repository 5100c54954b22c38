package org.majordome.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of damaged configuration files, generated from the full example by a seeded random mutator
 * (hostile values, deleted, duplicated and re-indented lines, truncation, stray YAML syntax, control
 * characters): every one either loads or fails with a {@link ConfigException} that says something, never with
 * another exception. A failure prints the seed and the file, which replay it.
 */
class HostileConfigTest {

    private static final int FILES = 3_000;
    private static final long SEED = 0x5eed_2026L;
    private static final Map<String, String> ENVIRONMENT = Map.of("MAJORDOME_PASSWORD", "pw", "LOBBY_PASSWORD", "pw",
            "ROOM_PW", "pw", "PORT", "5223", "WEB_PASSWORD", "pw");
    private static final List<String> HOSTILE_VALUES = List.of("", "~", "null", "-1", "0", "65536",
            "99999999999999999999999", "1e309", "-0.0", "NaN", ".inf", "yes", "[", "]", "{", "}", "[a, [b, {c: d}]]",
            "{a: 1}", "!!binary AAAA", "!!java.lang.Object {}", "&anchor x", "*anchor", "*nowhere", "${", "${UNSET}",
            "$${", "${MAJORDOME_PASSWORD", "'unterminated", "\"unterminated", "|", ">-", "\t", "\u0000", "\u202e",
            "\ud83d\ude00", "x".repeat(100_000), "a@b@c", "@", "room@", "/resource", "PT-1S", "P1000000000D",
            "1h30", "500ns", "-5m", "0s", "Europe/Nowhere", "jdbc:nothing", "../../../../etc/passwd",
            "{file: /nonexistent/secret}", "{file: ''}", "? complex key", "- item", ": colon", "#", "%YAML 9.9");

    @TempDir
    Path directory;

    @Test
    void everyDamagedFileLoadsOrFailsWithAConfigException() throws Exception {
        List<String> example = Files.readAllLines(Path.of(getClass().getResource("/config/full-example.yml").toURI()),
                UTF_8);
        Random random = new Random(SEED);
        ConfigLoader loader = new ConfigLoader(ENVIRONMENT);
        int rejected = 0;
        for (int i = 0; i < FILES; i++) {
            String text = mutate(example, random);
            Path file = directory.resolve("bot-" + i + ".yml");
            Files.writeString(file, text, UTF_8);
            try {
                loader.load(file);
            } catch (ConfigException expected) {
                rejected++;
                assertClear(expected, file, text, "file " + i + " (seed " + SEED + ")");
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                fail("file " + i + " (seed " + SEED + ") threw " + e + " instead of a ConfigException:\n"
                        + abbreviate(text), e);
            }
            Files.delete(file);
        }
        // The mutator must actually break files, or this test proves nothing.
        assertThat(rejected).isGreaterThan(FILES / 2);
    }

    /** A control character used to be reported as "special characters are not allowed", with no line. */
    @Test
    void aControlCharacterIsReportedAtItsLineAndColumnWithItsCode() throws Exception {
        Path file = directory.resolve("control.yml");
        Files.writeString(file, "connection:\n  jid: bot@localhost\n  password: p\u0000w\n", UTF_8);
        try {
            new ConfigLoader(ENVIRONMENT).load(file);
            fail("a NUL character was accepted");
        } catch (ConfigException expected) {
            assertThat(expected.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.line()).isEqualTo(3);
                assertThat(problem.column()).isEqualTo(14);
                assertThat(problem.message()).contains("U+0000");
            });
        }
    }

    /**
     * A surrogate pair across snakeyaml-engine's 1,024-char read buffer made it throw IndexOutOfBoundsException
     * (found by the generated values below).
     */
    @Test
    void anEmojiAcrossTheParsersReadBufferIsRead() throws Exception {
        Path file = directory.resolve("emoji.yml");
        String head = "connection:\n  jid: bot@localhost\n  password: pw\n  nick: ";
        Files.writeString(file, head + "x".repeat(1023 - head.length()) + "\ud83d\ude00\n", UTF_8);
        assertThat(new ConfigLoader(ENVIRONMENT).load(file).connection().nick().toString()).endsWith("\ud83d\ude00");
    }

    /** An unknown YAML version used to be reported as "Version{major=9, minor=9}", with no line. */
    @Test
    void anUnsupportedVersionDirectiveIsReportedAtItsLine() throws Exception {
        Path file = directory.resolve("version.yml");
        Files.writeString(file, "# a comment\n%YAML 9.9\n---\nconnection:\n  jid: bot@localhost\n", UTF_8);
        try {
            new ConfigLoader(ENVIRONMENT).load(file);
            fail("YAML 9.9 was accepted");
        } catch (ConfigException expected) {
            assertThat(expected.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.line()).isEqualTo(2);
                assertThat(problem.message()).contains("'%YAML 9.9' is not supported");
            });
        }
    }

    /**
     * Every scalar of the example (each key's value and each list item), in turn, replaced by every hostile value
     * and by generated values of every type the file has (whole numbers in and far out of range, durations with
     * good and bad units, booleans in YAML 1.1 spellings, JIDs with odd parts, random Unicode with controls,
     * combining marks and bidi overrides): each file loads or fails with a {@link ConfigException} whose every
     * problem names this file and a line or a key, and one of them the line changed or a key below it. A failure
     * prints the seed, the line and the value, which replay it.
     */
    @Test
    void everyValueOfEveryKeyReplacedByHostileOrGeneratedValuesFailsWithItsLineAndKey() throws Exception {
        List<String> example = Files.readAllLines(Path.of(getClass().getResource("/config/full-example.yml").toURI()),
                UTF_8);
        Random random = new Random(SEED + 1);
        ConfigLoader loader = new ConfigLoader(ENVIRONMENT);
        int files = 0;
        int rejected = 0;
        int scalars = 0;
        for (int at = 0; at < example.size(); at++) {
            Matcher scalar = SCALAR_LINE.matcher(example.get(at));
            if (!scalar.matches()) {
                continue;
            }
            scalars++;
            List<String> values = new ArrayList<>(HOSTILE_VALUES);
            for (int g = 0; g < GENERATED_PER_SCALAR; g++) {
                values.add(generatedValue(random));
            }
            for (String value : values) {
                List<String> lines = new ArrayList<>(example);
                lines.set(at, scalar.group(1) + value);
                String text = String.join("\n", lines) + "\n";
                Path file = directory.resolve("value-" + files + ".yml");
                Files.writeString(file, text, UTF_8);
                String replay = "line " + (at + 1) + " set to '" + abbreviate(value) + "' (seed " + (SEED + 1) + ")";
                files++;
                try {
                    loader.load(file);
                } catch (ConfigException expected) {
                    rejected++;
                    assertClear(expected, file, text, replay);
                    int changedLine = at + 1;
                    assertThat(expected.problems()).as("%s: a problem at or after the changed line, or about a key; "
                            + "got:%n%s", replay, expected.getMessage()).anySatisfy(problem ->
                            assertThat(problem.line() >= changedLine || !problem.key().isEmpty()).isTrue());
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    fail(replay + " threw " + e + " instead of a ConfigException", e);
                }
                Files.delete(file);
            }
        }
        assertThat(scalars).as("scalars found in the example").isGreaterThan(40);
        assertThat(files).isGreaterThan(3_000);
        // Most keys are typed: most replacements must be refused, or the generator is not reaching them.
        assertThat(rejected).isGreaterThan(files / 2);
    }

    /** A line whose value is a scalar: {@code key: value} or {@code - value} (comments and flow lists included). */
    private static final Pattern SCALAR_LINE = Pattern.compile("^(\\s*(?:- )?[a-z][a-z-]*: |\\s*- )(?!\\s*(?:#|$)).*$");
    private static final int GENERATED_PER_SCALAR = 30;

    private static String generatedValue(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> Long.toString(random.nextLong() >> random.nextInt(64));
            case 1 -> random.nextInt(100_000) - 1_000 + pick(List.of("s", "m", "h", "d", "ms", "us", "ns", "", "x",
                    " s", "S", "min", "sec", "w", "y"), random);
            case 2 -> pick(List.of("true", "false", "yes", "no", "on", "off", "y", "n", "True", "FALSE", "Off",
                    "1", "0", "~"), random);
            case 3 -> randomText(random, 1 + random.nextInt(12)) + "@" + randomText(random, random.nextInt(12))
                    + (random.nextBoolean() ? "/" + randomText(random, random.nextInt(8)) : "");
            case 4 -> "[" + randomText(random, random.nextInt(10)) + ", " + Long.toString(random.nextLong()) + "]";
            case 5 -> "\"" + randomText(random, random.nextInt(200)).replace("\\", "").replace("\"", "") + "\"";
            default -> randomText(random, 1 + random.nextInt(300));
        };
    }

    /** Letters, digits, YAML syntax, controls, combining marks, bidi controls, astral characters. */
    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        String specials = "{}[]:,&*!|>'\"#%@`\\-?$ \t\u0000\u0007\u001b\u007f\u00a0\u0301\u0336\u200b\u200e"
                + "\u202e\u2066\u2028\ufeff\uffff";
        while (text.length() < length) {
            switch (random.nextInt(4)) {
                case 0 -> text.append(specials.charAt(random.nextInt(specials.length())));
                case 1 -> text.appendCodePoint(0x1F600 + random.nextInt(80));
                default -> text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    /**
     * A clear error: the report names the file, every problem is located by a line or a key, and nothing in
     * it is a Java exception or stack frame.
     */
    private static void assertClear(ConfigException rejected, Path file, String text, String replay) {
        String message = rejected.getMessage();
        assertThat(message).as("%s: the report names the file", replay).contains(file.toString());
        // The report quotes offending values, so a token the file itself holds (a '!!java.lang.Object' tag, say)
        // may come back quoted: only a token the file does not hold betrays Java internals.
        String[] internals = Stream.of("Exception", "\tat ", "java.", "org.yaml", "org.snakeyaml")
                .filter(token -> !text.contains(token)).toArray(String[]::new);
        assertThat(message).as("%s: no Java internals in the report", replay).doesNotContain(internals);
        boolean blankFile = text.isBlank() || text.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"));
        assertThat(rejected.problems()).as("%s: every problem is located; got:%n%s", replay, message)
                .allSatisfy(problem -> assertThat(problem.line() > 0 || !problem.key().isEmpty() || blankFile)
                        .isTrue());
    }

    private static String mutate(List<String> example, Random random) {
        List<String> lines = new ArrayList<>(example);
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(9)) {
                case 0, 1, 2 -> { // a hostile value for a key
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        lines.set(at, line.substring(0, colon + 1) + " " + pick(HOSTILE_VALUES, random));
                    } else {
                        lines.set(at, line + pick(HOSTILE_VALUES, random));
                    }
                }
                case 3 -> lines.remove(at);
                case 4 -> lines.add(at, line);
                case 5 -> lines.set(at, " ".repeat(random.nextInt(7)) + line.strip());
                case 6 -> lines.subList(at, lines.size()).clear();
                case 7 -> lines.add(at, pick(HOSTILE_VALUES, random));
                default -> { // a random character anywhere in the line
                    if (!line.isEmpty()) {
                        int position = random.nextInt(line.length());
                        char replacement = "{}[]:,&*!|>'\"#%@`\t\\-? \u0000\u00a0\u2028".charAt(random.nextInt(25));
                        lines.set(at, line.substring(0, position) + replacement + line.substring(position + 1));
                    }
                }
            }
        }
        return String.join("\n", lines) + (random.nextBoolean() ? "\n" : "");
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String text) {
        return text.length() > 4_000 ? text.substring(0, 4_000) + "... (" + text.length() + " chars)" : text;
    }
}
