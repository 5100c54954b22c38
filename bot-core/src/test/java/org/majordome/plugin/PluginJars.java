package org.majordome.plugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.majordome.api.Plugin;

/**
 * Builds third-party plugin jars at test time: compiles sources against the plugin API, as an outside author
 * would, and packs chosen classes with an optional service file.
 */
final class PluginJars {

    private final Path workDirectory;

    PluginJars(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    /**
     * Compiles sources (keyed by fully qualified class name) against the plugin API.
     *
     * @return the directory holding the classes
     */
    Path compile(String name, Map<String, String> sourcesByClassName) throws IOException {
        Path sources = Files.createDirectories(workDirectory.resolve(name + "-src"));
        Path classes = Files.createDirectories(workDirectory.resolve(name + "-classes"));
        List<String> arguments = new ArrayList<>(List.of("--release", "21", "-proc:none", "-classpath", apiClassPath(),
                "-d", classes.toString()));
        for (Map.Entry<String, String> source : sourcesByClassName.entrySet()) {
            Path file = sources.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = compiler.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("test plugin sources do not compile:\n"
                    + diagnostics.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }

    /**
     * Writes a jar of some compiled classes.
     *
     * @param serviceFile the content of {@code META-INF/services/org.majordome.api.Plugin}; null for none
     */
    Path jar(Path directory, String fileName, Path classes, List<String> classNames, String serviceFile) throws IOException {
        Path jar = directory.resolve(fileName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String className : classNames) {
                String entry = className.replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                out.write(Files.readAllBytes(classes.resolve(entry)));
                out.closeEntry();
            }
            if (serviceFile != null) {
                out.putNextEntry(new JarEntry(PluginLoader.SERVICE_FILE));
                out.write(serviceFile.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The plugin API and the logging API its context hands out: all a plugin is compiled against. */
    private static String apiClassPath() {
        return locationOf(Plugin.class) + java.io.File.pathSeparator + locationOf(org.slf4j.Logger.class);
    }

    private static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
