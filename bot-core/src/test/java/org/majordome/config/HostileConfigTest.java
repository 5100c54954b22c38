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
            "ROOM_PW", "pw", "PORT", "5223");
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
                assertThat(expected.getMessage()).as("file %d", i).isNotBlank();
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                fail("file " + i + " (seed " + SEED + ") threw " + e + " instead of a ConfigException:\n"
                        + abbreviate(text), e);
            }
            Files.delete(file);
        }
        // The mutator must actually break files, or this test proves nothing.
        assertThat(rejected).isGreaterThan(FILES / 2);
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
