package org.majordome.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.Plugin;
import org.majordome.text.Phrase;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads the bot's YAML configuration file into a validated {@link BotConfig}, or fails with a
 * {@link ConfigException} listing every problem in the file (with line, column and key path). Configuration
 * that is valid but can never apply ({@link ConfigWarnings}) makes {@link BotConfig#warnings()}, not a failure.
 *
 * <p>{@code ${VAR}} in any value is replaced from the environment given to the constructor, so tests need not
 * touch the process environment.
 */
public final class ConfigLoader {

    static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(60);
    static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_RUNTIME_INTERVAL = Duration.ofMinutes(5);
    static final int DEFAULT_PORT = 5222;
    static final String DEFAULT_RESOURCE = "majordome";
    static final String DEFAULT_NICK = "Majordome";
    static final String DEFAULT_DATA_DIRECTORY = "data";
    static final int MAX_LEAVE_STATUS = 200;
    private static final Phrase LEAVE_STATUS_EXPECTED = Phrase.of("config.expected.leave-status",
            String.valueOf(MAX_LEAVE_STATUS));


    private final Map<String, String> environment;

    /** @param environment where {@code ${VAR}} values come from, normally {@code System.getenv()} */
    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /**
     * Reads and validates a configuration file.
     *
     * @throws ConfigException listing every problem found, when there is at least one
     */
    public BotConfig load(Path file) throws ConfigException {
        return load(file, null);
    }

    /**
     * Reads and validates a configuration file whole, its plugins included: the rooms' plugin lists and every
     * {@code plugins.<id>} section are checked against the plugins {@code findPlugins} knows for the file's
     * {@code dispatch} settings (the same check for {@code check-config}, start and reload).
     *
     * @param findPlugins the plugins the runtime would run with these settings; called once, and only when the
     *                    {@code dispatch} section itself is valid; null to check the file alone
     * @throws ConfigException listing every problem found, when there is at least one
     */
    public BotConfig load(Path file, Function<DispatchSettings, KnownPlugins> findPlugins) throws ConfigException {
        ConfigProblems problems = new ConfigProblems(file);
        Optional<Node> document = read(file, problems).flatMap(text -> compose(text, file, problems));
        problems.throwIfAny();
        Node root = new EnvironmentExpansion(environment, problems).expand(document.orElseThrow(), "");

        ConfigReader top = ConfigReader.of(problems, "", root);
        Optional<ConnectionSettings> connection = top.requiredSection("connection").flatMap(ConnectionReader::connection);
        List<EntityBareJid> admins = top.list("admins", ConfigValue::asEntityBareJid);
        RuntimeSettings runtime = runtime(top.section("runtime"));
        ConfigReader dispatchSection = top.section("dispatch");
        int problemsBefore = problems.all().size();
        DispatchSettings dispatch = dispatch(dispatchSection);
        boolean dispatchValid = problems.all().size() == problemsBefore;
        MonitoringSettings monitoring = monitoring(top.section("monitoring"));
        List<PluginChecks.RoomPluginRef> roomPlugins = new ArrayList<>();
        List<ConfigValue> roomsWithAllScripts = new ArrayList<>();
        List<TextChecks.OverrideRef> textOverrides = new ArrayList<>();
        List<ConfigValue> webChatRooms = new ArrayList<>();
        List<RoomSettings> rooms = RoomsReader.rooms(top, roomPlugins, roomsWithAllScripts,
                connection.map(ConnectionSettings::jid), textOverrides, webChatRooms);
        if (dispatchValid && dispatch.scriptsDirectory().isEmpty()) {
            roomsWithAllScripts.forEach(value -> value.reportProblem(
                    Phrase.of("config.problem.all-scripts-without-directory"), false));
        }
        InvitationSettings invitations = InvitationsReader.invitations(top.section("invitations"), roomPlugins);
        Optional<ClusterSettings> cluster = ClusterReader.cluster(top, runtime.database());
        Optional<WebSettings> web = WebReader.web(top);
        warnAboutWebChat(web, webChatRooms, top);
        ConfigReader pluginsSection = top.section("plugins");
        Map<String, PluginSection> plugins = plugins(pluginsSection);
        top.rejectUnknownKeys();
        if (findPlugins != null && dispatchValid) {
            KnownPlugins known = findPlugins.apply(dispatch);
            PluginChecks.check(known, dispatchSection, roomPlugins, pluginsSection, plugins);
            ConfigWarnings.check(rooms, known.scriptIds(), known.configTypes().keySet(), pluginsSection, plugins);
            Map<String, Map<String, String>> shipped = new java.util.HashMap<>(known.texts());
            shipped.put(TextChecks.RUNTIME, org.majordome.text.Bundle.onClassPath(ConfigLoader.class.getClassLoader(),
                    org.majordome.text.Languages.RUNTIME_BUNDLE).texts(""));
            TextChecks.check(textOverrides, shipped, known.configTypes().keySet());
        }

        problems.throwIfAny();
        return new BotConfig(file, connection.orElseThrow(), Set.copyOf(admins), rooms, runtime, dispatch, monitoring,
                plugins, problems.warnings(), invitations).withCluster(cluster).withWeb(web);
    }

    /** Rooms marked for a web chat that is not configured, or a web chat that lists no room: valid, but useless. */
    private static void warnAboutWebChat(Optional<WebSettings> web, List<ConfigValue> webChatRooms, ConfigReader top) {
        boolean chat = web.flatMap(WebSettings::chat).isPresent();
        if (!chat && top.problems().isEmpty()) {
            webChatRooms.forEach(value -> top.problems().warn(value.node(), value.path(),
                    Phrase.of("config.warning.no-web-chat")));
        }
        if (chat && webChatRooms.isEmpty()) {
            top.section("web").warnAtKey("chat", Phrase.of("config.warning.web-chat-lists-no-room"));
        }
    }

    private static Optional<String> read(Path file, ConfigProblems problems) {
        if (Files.isDirectory(file)) {
            problems.reportFile(Phrase.of("config.problem.file.directory"));
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException missing) {
            problems.reportFile(Phrase.of("config.problem.file.missing"));
        } catch (AccessDeniedException denied) {
            problems.reportFile(Phrase.of("config.problem.file.denied"));
        } catch (CharacterCodingException notUtf8) {
            problems.reportFile(Phrase.of("config.problem.file.not-utf-8"));
        } catch (IOException unreadable) {
            problems.reportFile(Phrase.of("config.problem.file.unreadable", String.valueOf(unreadable.getMessage())));
        }
        return Optional.empty();
    }

    private static Optional<Node> compose(String text, Path file, ConfigProblems problems) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file.toString())
                .setSchema(new CoreSchema())
                .setAllowRecursiveKeys(false)
                // The whole file in one read: snakeyaml-engine 2.10 reads past its buffer (IndexOutOfBounds
                // instead of a YAML error) when a buffer's last char is the first half of a surrogate pair.
                .setBufferSize(text.length() + 1)
                .build();
        try {
            Optional<Node> document = new Compose(settings).composeString(text);
            if (document.isEmpty()) {
                problems.reportFile(Phrase.of("config.problem.file.empty"));
            }
            return document;
        } catch (MarkedYamlEngineException syntax) {
            problems.report(syntax.getProblemMark().or(syntax::getContextMark), "", null, syntaxMessage(syntax, text));
        } catch (ReaderException refused) {
            // The reader refuses a character before the parser sees it, so the exception carries no mark: say
            // where the character is and which one it is (often invisible in an editor).
            int[] at = lineAndColumn(text, refused.getPosition());
            problems.reportAt(at[0], at[1], String.format("invalid YAML: character U+%04X is not allowed in a YAML "
                    + "file (a control or non-character); remove it", refused.getCodePoint()));
        } catch (YamlVersionException version) {
            int line = 1 + (int) text.lines().takeWhile(each -> !each.startsWith("%YAML")).count();
            String directive = text.lines().skip(line - 1).findFirst().orElse("%YAML").strip();
            problems.reportAt(line, 1, "invalid YAML: the version directive '" + directive + "' is not supported; "
                    + "remove the line (this file is read as YAML 1.2)");
        } catch (YamlEngineException invalid) {
            problems.reportFile("invalid YAML: " + invalid.getMessage());
        }
        return Optional.empty();
    }

    /** 1-based line and column of the code point at {@code codePointIndex}, counting line breaks as YAML does. */
    private static int[] lineAndColumn(String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int index = 0;
        for (int offset = 0; offset < text.length() && index < codePointIndex; index++) {
            int codePoint = text.codePointAt(offset);
            offset += Character.charCount(codePoint);
            boolean lineBreak = codePoint == '\n'
                    || codePoint == '\r' && (offset >= text.length() || text.charAt(offset) != '\n');
            if (lineBreak) {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    private static String syntaxMessage(MarkedYamlEngineException syntax, String text) {
        StringBuilder message = new StringBuilder("invalid YAML: ").append(syntax.getProblem());
        Optional<Mark> problemMark = syntax.getProblemMark();
        if (syntax.getContext() != null) {
            message.append(" (").append(syntax.getContext());
            syntax.getContextMark()
                    .filter(context -> problemMark.isEmpty() || problemMark.get().getLine() != context.getLine())
                    .ifPresent(context -> message.append(" from line ").append(context.getLine() + 1));
            message.append(')');
        }
        // The most common surprise: { and } are YAML syntax inside a [...] or {...} flow.
        boolean lineHasVariable = problemMark
                .map(mark -> text.lines().skip(mark.getLine()).findFirst().orElse(""))
                .filter(line -> line.contains("${"))
                .isPresent();
        if (lineHasVariable) {
            message.append("; inside [...] or {...}, write \"${VAR}\" in quotes");
        }
        return message.toString();
    }

    private static RuntimeSettings runtime(ConfigReader section) {
        Duration reconcileInterval = section.duration("reconcile-interval", DEFAULT_RUNTIME_INTERVAL);
        Duration selfPingAfterIdle = section.duration("self-ping-after-idle", DEFAULT_RUNTIME_INTERVAL);
        Duration rejoinBackoffMax = section.duration("rejoin-backoff-max", DEFAULT_RUNTIME_INTERVAL);
        Path dataDirectory = section.value("data-directory").flatMap(ConfigValue::asPath)
                .orElse(section.problems().baseDirectory().resolve(DEFAULT_DATA_DIRECTORY));
        ZoneId timeZone = section.optional("time-zone", Phrase.of("config.expected.time-zone"), ZoneId::of)
                .orElse(ZoneId.systemDefault());
        Optional<DatabaseConnection> database = section.value("database").flatMap(ConfigValue::asSection)
                .flatMap(ConfigLoader::database);
        String leaveStatus = section.value("leave-status").flatMap(value -> value.as(LEAVE_STATUS_EXPECTED,
                ConfigLoader::leaveStatus)).orElse(RuntimeSettings.DEFAULT_LEAVE_STATUS);
        Optional<java.util.Locale> asked = section.optional("language", org.majordome.text.Languages.expected(),
                org.majordome.text.Languages::parse);
        asked.ifPresent(section.problems()::language); // the file's problems are reported in its language
        java.util.Locale language = asked.orElse(java.util.Locale.ENGLISH);
        section.rejectUnknownKeys();
        return new RuntimeSettings(reconcileInterval, selfPingAfterIdle, rejoinBackoffMax, dataDirectory, timeZone,
                database, leaveStatus, language);
    }

    /** Clients show a presence status on one line, next to the nick: one short sentence, not a letter. */
    private static String leaveStatus(String text) {
        String status = text.strip();
        if (status.isEmpty() || status.length() > MAX_LEAVE_STATUS || status.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(status);
        }
        return status;
    }

    private static Optional<DatabaseConnection> database(ConfigReader section) {
        Optional<String> url = section.required("url").flatMap(value -> value.as(Phrase.of("config.expected.jdbc-url"), text -> {
                    if (!text.startsWith("jdbc:")) {
                        throw new IllegalArgumentException("not a JDBC URL");
                    }
                    return text;
                }));
        String user = section.string("user", "");
        Optional<Secret> password = section.optionalSecret("password");
        int maxConnections = section.integer("max-connections", 2, 100, 4);
        section.rejectUnknownKeys();
        return url.map(jdbcUrl -> new DatabaseConnection(jdbcUrl, user, password, maxConnections));
    }

    private static DispatchSettings dispatch(ConfigReader section) {
        DispatchSettings defaults = DispatchSettings.defaults();
        String prefix = section.value("command-prefix").flatMap(ConfigValue::asNonBlankString)
                .filter(text -> {
                    if (text.chars().anyMatch(Character::isWhitespace)) {
                        section.reportKeyProblem("command-prefix", Phrase.of("config.problem.prefix-with-spaces"));
                        return false;
                    }
                    return true;
                })
                .orElse(defaults.commandPrefix());
        int replies = section.integer("replies-per-sender", 1, 1000, defaults.repliesPerSender());
        Duration period = section.duration("reply-period", defaults.replyPeriod());
        boolean answerUnknown = section.bool("answer-unknown-commands", defaults.answerUnknownCommands());
        int capacity = section.integer("queue-capacity", 1, 1_000_000, defaults.queueCapacity());
        Duration limit = section.duration("handler-time-limit", defaults.handlerTimeLimit());
        Optional<Path> pluginDirectory = section.value("plugin-directory").flatMap(ConfigValue::asPath);
        Optional<Path> scriptsDirectory = section.value("scripts-directory").flatMap(ConfigValue::asPath);
        Duration scriptLimit = section.duration("script-time-limit", defaults.scriptTimeLimit());
        // Absent: the defaults; an empty list: nobody is exempt.
        Set<RateLimitExempt> exempt = section.value("rate-limit-exempt")
                .flatMap(value -> value.asListOf(item -> item.asEnum(RateLimitExempt.class)))
                .<Set<RateLimitExempt>>map(Set::copyOf)
                .orElse(defaults.rateLimitExempt());
        section.rejectUnknownKeys();
        return new DispatchSettings(prefix, replies, period, answerUnknown, capacity, limit, pluginDirectory,
                scriptsDirectory, scriptLimit, exempt);
    }

    private static MonitoringSettings monitoring(ConfigReader section) {
        Optional<Integer> port = section.optionalInt("http-port", 1, 65535);
        String address = section.string("http-address", MonitoringSettings.off().httpAddress());
        section.rejectUnknownKeys();
        return new MonitoringSettings(port, address);
    }


    private static Map<String, PluginSection> plugins(ConfigReader section) {
        Map<String, PluginSection> plugins = new LinkedHashMap<>();
        section.entries().forEach((id, value) -> {
            if (Plugin.isValidId(id)) {
                plugins.put(id, new PluginSection(id, value.node()));
            } else {
                section.reportKeyProblem(id, Phrase.of("config.problem.not-a-plugin-id", id, RoomsReader.PLUGIN_ID_RULE));
            }
        });
        return plugins;
    }


}
