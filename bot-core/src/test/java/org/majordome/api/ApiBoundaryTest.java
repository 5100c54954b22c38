package org.majordome.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The plugin API stays small and independent: no XMPP library or runtime internals leak into it. */
class ApiBoundaryTest {

    private static final Path API_SOURCES = Path.of("src/main/java/org/majordome/api");

    /** A javadoc comment, then only annotations, then the public type's declaration. */
    private static final String JAVADOC_THEN_PUBLIC_TYPE = "(?s)/\\*\\*(?:(?!\\*/).)*\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
            + "public (?:sealed |non-sealed |final |abstract )*(?:interface|class|enum|record|@interface) ";

    private static List<Path> apiSources() throws IOException {
        try (Stream<Path> files = Files.walk(API_SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void apiSourcesImportNeitherSmackNorJxmppNorInternals() throws IOException {
        assertThat(apiSources()).isNotEmpty().allSatisfy(file -> assertThat(Files.readString(file))
                .as(file.toString())
                .doesNotContain("org.jivesoftware", "org.jxmpp", "org.majordome.dispatch", "org.majordome.config"));
    }

    @Test
    void everyApiPackageSaysWhatItIs() throws IOException {
        try (Stream<Path> dirs = Files.walk(API_SOURCES)) {
            assertThat(dirs.filter(Files::isDirectory).toList())
                    .allSatisfy(dir -> assertThat(dir.resolve("package-info.java")).exists());
        }
    }

    @Test
    void everyPublicApiTypeHasJavadoc() throws IOException {
        assertThat(apiSources()).filteredOn(file -> !file.endsWith("package-info.java"))
                .allSatisfy(file -> assertThat(Files.readString(file)).as(file.toString())
                        .containsPattern(JAVADOC_THEN_PUBLIC_TYPE));
    }
}
