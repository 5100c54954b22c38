package org.majordome.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import org.majordome.api.command.CommandInvocation;
import org.majordome.api.command.CommandScope;
import org.majordome.api.command.CommandSender;
import org.majordome.api.command.CommandSpec;
import org.majordome.api.command.Permission;
import org.majordome.api.event.BotEvent;
import org.majordome.api.event.DirectMessageReceivedEvent;
import org.majordome.api.event.MessageStanza;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.PrivateMessageReceivedEvent;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.DirectChat;
import org.majordome.api.room.MessageRef;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.room.Rooms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a message into a command run: parse, per-sender rate limit, built-in help, lookup among the
 * commands the room offers, permission check, argument count, then the handler in isolation. Every answer
 * the runtime itself gives is short, and nothing reveals a command the sender may not run.
 */
final class CommandStage {

    private static final Logger LOG = LoggerFactory.getLogger(CommandStage.class);
    private static final int MAX_TRACKED_SENDERS = 10_000;

    private final CommandParser parser;
    private final CommandTable commands;
    private final PluginRegistry plugins;
    private final PermissionResolver permissions;
    private final Rooms rooms;
    private final DirectChat directChat;
    private final IsolatedCalls calls;
    private final DispatchCounters counters;
    private final TokenBuckets allowances;
    private final RateLimitedLog rateLimitedLog;
    private final boolean answerUnknownCommands;

    CommandStage(DispatcherSettings settings, CommandTable commands, PluginRegistry plugins,
                 PermissionResolver permissions, Rooms rooms, DirectChat directChat, IsolatedCalls calls,
                 DispatchCounters counters, Clock clock) {
        this.parser = new CommandParser(settings.commandPrefix());
        this.commands = commands;
        this.plugins = plugins;
        this.permissions = permissions;
        this.rooms = rooms;
        this.directChat = directChat;
        this.calls = calls;
        this.counters = counters;
        this.allowances = new TokenBuckets(settings.repliesPerSender(), settings.replyRefillPeriod(), clock,
                MAX_TRACKED_SENDERS);
        this.rateLimitedLog = new RateLimitedLog(LOG, clock, Duration.ofSeconds(30));
        this.answerUnknownCommands = settings.answerUnknownCommands();
    }

    /** Where a command came from and how to answer there. */
    private record Origin(CommandScope scope, String queueKey, Optional<String> roomJid, CommandSender sender,
                          MessageStanza message, BotEvent event) {

        /** The identity a rate limit is kept for: nicks change, occupant ids and real JIDs do not. */
        String senderKey() {
            String who = sender.occupant().flatMap(Occupant::occupantId).map(id -> "id:" + id)
                    .or(() -> sender.bareJid().map(jid -> "jid:" + jid))
                    .orElseGet(() -> "nick:" + sender.displayName());
            return roomJid.map(room -> room + " ").orElse("") + who;
        }
    }

    /** Handles the message event if it is a command; ignores every other event. */
    void accept(BotEvent event, String queueKey) {
        Optional<Origin> origin = originOf(event, queueKey);
        if (origin.isEmpty()) {
            return;
        }
        switch (parser.parse(origin.get().message().body())) {
            case CommandParser.NotACommand ignored -> { }
            case CommandParser.Malformed malformed -> {
                if (allow(origin.get())) {
                    reply(origin.get(), "Cannot read " + parser.prefix() + malformed.name() + ": " + malformed.problem() + ".");
                }
            }
            case CommandParser.Parsed parsed -> {
                if (allow(origin.get())) {
                    run(origin.get(), parsed);
                }
            }
        }
    }

    private boolean allow(Origin origin) {
        if (allowances.tryTake(origin.senderKey())) {
            return true;
        }
        counters.commandsRateLimited.increment();
        rateLimitedLog.warn("ignoring commands of {} in {}: more than their allowance", origin.sender().displayName(),
                origin.queueKey());
        return false;
    }

    private void run(Origin origin, CommandParser.Parsed parsed) {
        Permission level = permissions.resolve(origin.scope(), origin.sender());
        if (CommandTable.HELP.equals(parsed.name())) {
            reply(origin, help(origin, level, parsed.arguments()));
            return;
        }
        Optional<CommandTable.Entry> found = commands.find(parsed.name()).filter(entry -> offeredHere(entry, origin));
        if (found.isEmpty()) {
            if (answerUnknownCommands) {
                reply(origin, "Unknown command " + parser.prefix() + parsed.name() + ". Send " + parser.prefix()
                        + "help for the list.");
            }
            return;
        }
        CommandTable.Entry entry = found.get();
        CommandSpec spec = entry.spec();
        if (!level.includes(spec.permission())) {
            counters.commandsRefused.increment();
            LOG.info("refused {}{} to {} in {}: needs {}, has {}", parser.prefix(), spec.name(),
                    origin.sender().displayName(), origin.queueKey(), spec.permission(), level);
            reply(origin, "Sorry, " + parser.prefix() + spec.name() + " needs " + describe(spec.permission()) + ".");
            return;
        }
        if (!spec.acceptsArgumentCount(parsed.arguments().size())) {
            reply(origin, "Usage: " + synopsis(spec));
            return;
        }
        counters.commandsRun.increment();
        Invocation invocation = new Invocation(spec, parsed.arguments(), parsed.argumentText(), origin, level);
        IsolatedCalls.Outcome outcome = calls.run(entry.pluginId(), origin.queueKey(), parser.prefix() + spec.name(),
                () -> entry.handler().handle(invocation));
        if (outcome == IsolatedCalls.Outcome.FAILED) {
            reply(origin, parser.prefix() + spec.name() + " failed; the bot's log says why.");
        } else if (outcome == IsolatedCalls.Outcome.SKIPPED) {
            reply(origin, parser.prefix() + spec.name() + " is still busy with an earlier request; try again later.");
        }
    }

    private boolean offeredHere(CommandTable.Entry entry, Origin origin) {
        if (!entry.spec().scopes().contains(origin.scope()) || !plugins.isRunning(entry.pluginId())) {
            return false;
        }
        return origin.roomJid().map(room -> plugins.isEnabledIn(entry.pluginId(), room)).orElse(true);
    }

    private String help(Origin origin, Permission level, List<String> arguments) {
        List<CommandSpec> runnable = commands.entries().stream()
                .filter(entry -> offeredHere(entry, origin) && level.includes(entry.spec().permission()))
                .map(CommandTable.Entry::spec)
                .sorted(Comparator.comparing(CommandSpec::name))
                .toList();
        if (arguments.isEmpty()) {
            String lines = runnable.stream().map(spec -> synopsis(spec) + " — " + spec.help())
                    .collect(Collectors.joining("\n"));
            return "Commands you can use here:\n" + parser.prefix() + "help [command] — Describes a command."
                    + (lines.isEmpty() ? "" : "\n" + lines);
        }
        String asked = arguments.getFirst().toLowerCase(Locale.ROOT);
        String name = asked.startsWith(parser.prefix()) ? asked.substring(parser.prefix().length()) : asked;
        if (CommandTable.HELP.equals(name)) {
            return parser.prefix() + "help [command] — Lists the commands you can use, or describes one.";
        }
        return runnable.stream().filter(spec -> spec.names().contains(name)).findFirst()
                .map(spec -> synopsis(spec) + " — " + spec.help()
                        + (spec.aliases().isEmpty() ? "" : " Also: " + spec.aliases().stream()
                                .map(alias -> parser.prefix() + alias).collect(Collectors.joining(", ")) + ".")
                        + (spec.permission() == Permission.ANYONE ? "" : " Needs " + describe(spec.permission()) + "."))
                .orElse("Unknown command " + parser.prefix() + name + ". Send " + parser.prefix() + "help for the list.");
    }

    private String synopsis(CommandSpec spec) {
        return parser.prefix() + spec.name() + (spec.usage().isEmpty() ? "" : " " + spec.usage());
    }

    private static String describe(Permission permission) {
        return switch (permission) {
            case ANYONE -> "nothing special";
            case PARTICIPANT -> "voice in the room";
            case MEMBER -> "room membership";
            case MODERATOR -> "a moderator";
            case ADMIN -> "a room admin";
            case BOT_ADMIN -> "a bot admin";
        };
    }

    private Optional<Origin> originOf(BotEvent event, String queueKey) {
        return switch (event) {
            case RoomMessageReceivedEvent message -> Optional.of(new Origin(CommandScope.ROOM, queueKey,
                    Optional.of(message.roomJid()), roomSender(message.sender()), message.message(), event));
            case PrivateMessageReceivedEvent message -> Optional.of(new Origin(CommandScope.PRIVATE, queueKey,
                    Optional.of(message.roomJid()), roomSender(message.sender()), message.message(), event));
            case DirectMessageReceivedEvent message -> Optional.of(new Origin(CommandScope.DIRECT, queueKey,
                    Optional.empty(), new CommandSender(Optional.empty(), Optional.of(message.senderBareJid()),
                    Optional.of(message.senderFullJid())), message.message(), event));
            default -> Optional.empty();
        };
    }

    private static CommandSender roomSender(Occupant occupant) {
        return new CommandSender(Optional.of(occupant), occupant.realJid(), Optional.empty());
    }

    private CompletionStage<ActionResult> reply(Origin origin, String text) {
        return switch (origin.scope()) {
            case ROOM -> inRoom(origin, room -> room.reply(
                    MessageRef.of((RoomMessageReceivedEvent) origin.event()), text));
            case PRIVATE -> replyPrivately(origin, text);
            case DIRECT -> directChat.send(origin.sender().fullJid().orElseThrow(), text);
        };
    }

    private CompletionStage<ActionResult> replyPrivately(Origin origin, String text) {
        if (origin.scope() == CommandScope.DIRECT) {
            return directChat.send(origin.sender().fullJid().orElseThrow(), text);
        }
        return inRoom(origin, room -> room.sendPrivate(origin.sender().displayName(), text));
    }

    private CompletionStage<ActionResult> inRoom(Origin origin,
                                                 java.util.function.Function<RoomHandle, CompletionStage<ActionResult>> action) {
        Optional<RoomHandle> room = origin.roomJid().flatMap(rooms::room);
        if (room.isEmpty()) {
            LOG.warn("cannot answer in {}: the bot does not keep that room", origin.queueKey());
            return CompletableFuture.completedFuture(new ActionResult.Failed("unknown room " + origin.queueKey()));
        }
        return action.apply(room.get());
    }

    private final class Invocation implements CommandInvocation {
        private final CommandSpec spec;
        private final List<String> arguments;
        private final String argumentText;
        private final Origin origin;
        private final Permission level;

        Invocation(CommandSpec spec, List<String> arguments, String argumentText, Origin origin, Permission level) {
            this.spec = spec;
            this.arguments = arguments;
            this.argumentText = argumentText;
            this.origin = origin;
            this.level = level;
        }

        @Override
        public CommandSpec spec() {
            return spec;
        }

        @Override
        public List<String> arguments() {
            return arguments;
        }

        @Override
        public String argumentText() {
            return argumentText;
        }

        @Override
        public CommandSender sender() {
            return origin.sender();
        }

        @Override
        public Permission senderPermission() {
            return level;
        }

        @Override
        public CommandScope scope() {
            return origin.scope();
        }

        @Override
        public Optional<RoomHandle> room() {
            return origin.roomJid().flatMap(rooms::room);
        }

        @Override
        public BotEvent event() {
            return origin.event();
        }

        @Override
        public CompletionStage<ActionResult> reply(String text) {
            return CommandStage.this.reply(origin, text);
        }

        @Override
        public CompletionStage<ActionResult> replyPrivately(String text) {
            return CommandStage.this.replyPrivately(origin, text);
        }
    }
}
