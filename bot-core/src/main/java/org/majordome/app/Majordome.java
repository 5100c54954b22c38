package org.majordome.app;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.majordome.config.BotConfig;
import org.majordome.config.ConfigException;
import org.majordome.config.ConfigLoader;
import org.majordome.config.RoomSettings;
import org.majordome.config.WebSettings;
import org.majordome.api.text.Wording;
import org.majordome.text.TextService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code majordome} command. */
@Command(name = "majordome", mixinStandardHelpOptions = true, versionProvider = Majordome.Version.class,
        description = "A bot that keeps XMPP multi-user chat rooms alive, clean and useful.",
        subcommands = {Majordome.Run.class, Majordome.CheckConfig.class})
public final class Majordome implements Callable<Integer> {


    /** Exit code of a configuration that failed validation (also: plugins that cannot start as configured). */
    public static final int INVALID = 2;
    static final int VALID = 0;

    private static final Logger log = LoggerFactory.getLogger(Majordome.class);

    public static void main(String[] args) {
        // Smack logs through java.util.logging: route it to the same log as ours.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(new CommandLine(new Majordome()).execute(args));
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** The configuration, or empty after printing every problem in it. */
    static Optional<BotConfig> loadOrReport(Path file, CommandLine.Model.CommandSpec spec) {
        // The whole file, its plugins' sections included, checked as a start and a reload check it.
        try (PluginFinder plugins = new PluginFinder(List.of())) {
            return Optional.of(new ConfigLoader(System.getenv()).load(file, plugins));
        } catch (ConfigException e) {
            // In the file's own language when it could be read: whoever wrote runtime.language reads it.
            report(spec, e.report(TextService.runtimeWording(e.language().orElse(Locale.ENGLISH), ZoneOffset.UTC)));
            return Optional.empty();
        }
    }

    static void report(CommandLine.Model.CommandSpec spec, String text) {
        spec.commandLine().getErr().println(text);
        spec.commandLine().getErr().flush();
    }

    @Command(name = "run", description = "Connect and keep the configured rooms until stopped (SIGTERM or Ctrl-C).")
    static final class Run implements Callable<Integer> {

        @Option(names = {"-c", "--config"}, required = true, description = "The bot's YAML configuration file.")
        Path config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            Optional<BotConfig> loaded = loadOrReport(config, spec);
            if (loaded.isEmpty()) {
                return INVALID;
            }
            BotConfig botConfig = loaded.get();
            log.info("Starting Majordome {} as {} for {} room(s)", Version.current(), botConfig.connection().jid(),
                    botConfig.rooms().size());
            RunningBot bot;
            try {
                bot = RunningBot.start(botConfig);
            } catch (StartupException e) {
                report(spec, e.getMessage());
                return INVALID;
            }
            ShutdownSignals.onHangup(() -> {
                log.info("Received SIGHUP: reloading {}", config);
                bot.reload();
            });
            CountDownLatch stopped = new CountDownLatch(1);
            ShutdownSignals.onTermination(signal -> {
                log.info("Received SIG{}: shutting down", signal);
                bot.close();
                stopped.countDown();
            });
            stopped.await();
            return 0;
        }
    }

    @Command(name = "check-config", description = "Validate a configuration file and report every problem; connects nowhere.")
    static final class CheckConfig implements Callable<Integer> {

        @Option(names = {"-c", "--config"}, required = true, description = "The bot's YAML configuration file.")
        Path config;

        @Option(names = "--running", description = "A copy of the configuration the bot runs now: say which rooms "
                + "a reload to the checked file would destroy.")
        Path running;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Optional<BotConfig> loaded = loadOrReport(config, spec);
            Optional<BotConfig> runningConfig = running == null ? Optional.empty() : loadOrReport(running, spec);
            if (loaded.isEmpty() || running != null && runningConfig.isEmpty()) {
                return INVALID;
            }
            BotConfig botConfig = loaded.get();
            // In the file's own language, as its problems would be.
            Wording words = TextService.runtimeWording(botConfig.runtime().language(), ZoneOffset.UTC);
            // Warnings go where problems go, and do not make the file invalid.
            botConfig.warnings().forEach(warning -> spec.commandLine().getErr().println(warning.formatWarning(words)));
            spec.commandLine().getErr().flush();
            spec.commandLine().getOut().println(words.format("check.valid", config.toString(),
                    botConfig.connection().jid().toString(), botConfig.rooms().size(),
                    botConfig.rooms().stream().flatMap(room -> room.plugins().stream()).distinct().toList().toString(),
                    botConfig.warnings().size()));
            botConfig.web().ifPresent(web -> spec.commandLine().getOut().println(describeWeb(web, botConfig, words)));
            RetiredRoomsReport.lines(config, botConfig, runningConfig, words)
                    .forEach(spec.commandLine().getOut()::println);
            return VALID;
        }
    }

    /** One line: where the web server listens, and what it serves. */
    static String describeWeb(WebSettings web, BotConfig config, Wording words) {
        String host = web.bind().contains(":") ? "[" + web.bind() + "]" : web.bind();
        StringBuilder line = new StringBuilder(words.format("check.web", (web.tls().isPresent() ? "https" : "http")
                + "://" + host + ":" + web.port() + "/"));
        web.publicUrl().ifPresent(url -> line.append(words.format("check.web.public-url", url.toString())));
        if (!web.trustedProxies().isEmpty()) {
            line.append(words.format("check.web.trusted-proxies", String.join(" ", web.trustedProxies())));
        }
        List<String> listed = config.rooms().stream().filter(RoomSettings::webChat)
                .map(room -> room.jid().toString()).toList();
        line.append(web.chat().isEmpty() ? words.format("check.web.no-chat") : listed.isEmpty()
                ? words.format("check.web.chat-lists-no-room") : words.format("check.web.chat", String.join(" ", listed)));
        return line.toString();
    }

    static final class Version implements CommandLine.IVersionProvider {
        static String current() {
            String version = Majordome.class.getPackage().getImplementationVersion();
            return version == null ? "(development build)" : version;
        }

        @Override
        public String[] getVersion() {
            return new String[] {"Majordome " + current()};
        }
    }
}
