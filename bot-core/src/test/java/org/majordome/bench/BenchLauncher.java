package org.majordome.bench;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * What the {@code bench} profile runs in each module: {@code -Dbench=<name>} names either a load harness (a
 * class with a {@code main}, simple name looked up in this package) or a regular expression of JMH benchmarks.
 * {@code -Dbench.args="..."} passes arguments on (to the harness, or JMH options). A module with neither a
 * matching harness nor a matching benchmark is skipped, so that {@code -pl plugins -am} does not fail in
 * bot-core, where the plugins' benchmarks do not exist.
 */
public final class BenchLauncher {

    private BenchLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        String selector = args.length > 0 && !args[0].isBlank() ? args[0].strip() : ".*Benchmark";
        List<String> rest = new ArrayList<>();
        Arrays.stream(args).skip(1).flatMap(arg -> Arrays.stream(arg.strip().split("\\s+")))
                .filter(arg -> !arg.isEmpty()).forEach(rest::add);

        Optional<Method> harness = harnessMain(selector);
        if (harness.isPresent()) {
            harness.get().invoke(null, (Object) rest.toArray(String[]::new));
            return;
        }
        boolean anyBenchmark = !BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(selector), List.of())
                .isEmpty();
        if (!anyBenchmark) {
            System.out.println("No harness or benchmark matching '" + selector + "' in this module: skipped.");
            return;
        }
        List<String> jmhArguments = new ArrayList<>(rest);
        jmhArguments.add(selector);
        org.openjdk.jmh.Main.main(jmhArguments.toArray(String[]::new));
    }

    private static Optional<Method> harnessMain(String selector) {
        for (String name : List.of(selector, BenchLauncher.class.getPackageName() + "." + selector)) {
            try {
                Method main = Class.forName(name).getMethod("main", String[].class);
                if (Modifier.isStatic(main.getModifiers())) {
                    return Optional.of(main);
                }
            } catch (ClassNotFoundException | NoSuchMethodException | LinkageError notAHarness) {
                // a regular expression, or a harness of another module
            }
        }
        return Optional.empty();
    }
}
