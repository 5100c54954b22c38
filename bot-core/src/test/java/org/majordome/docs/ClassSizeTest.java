package org.majordome.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The project's rule that every class of the runtime and of the plugins stays under 400 lines, checked
 * so that a change growing one past it is split by job in the same change (ScriptPlugin had reached 399).
 */
class ClassSizeTest {

    private static final int LIMIT = 400;

    @Test
    void everyMainClassIsUnderFourHundredLines() throws IOException {
        List<Path> sources = sources(Path.of("src/main/java"));
        sources.addAll(sources(Path.of("../plugins/src/main/java")));
        assertThat(sources).isNotEmpty().allSatisfy(file -> assertThat(lines(file)).as(file.toString())
                .isLessThan(LIMIT));
    }

    private static List<Path> sources(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return new java.util.ArrayList<>();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return new java.util.ArrayList<>(files.filter(file -> file.toString().endsWith(".java")).toList());
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
