package org.majordome.dispatch;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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
import org.majordome.api.text.Texts;
import org.majordome.api.text.Wording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a message into a command run: parse, per-sender rate limit, built-in help, lookup among the
 * commands the room offers, permission check, argument count, on the room queue's thread; then the handler,
 * in isolation, in its plugin's lane ({@link PendingCommand}). Every answer the runtime itself gives is
 * short, and nothing reveals a command the sender may not run.
 */
final class CommandStage {

    private static final Logger LOG = LoggerFactory.getLogger(CommandStage.class);

    private final CommandParser parser;
    private final CommandTable commands;
    private final PluginRegistry plugins;
    private final PermissionResolver permissions;
    private final Rooms rooms;
    private final DirectChat directChat;
    private final DispatchCounters counters;
    private final CommandAllowance allowance;
    private final boolean answerUnknownCommands;
    private final PluginTexts texts;
    private final Texts runtimeTexts;
    private final HelpText helpText;

    CommandStage(DispatcherSettings settings, CommandTable commands, PluginRegistry plugins,
                 PermissionResolver permissions, Rooms rooms, DirectChat directChat, DispatchCounters counters,
                 Clock clock, PluginTexts texts) {
        this.texts = texts;
        this.runtimeTexts = texts.runtime();
        this.helpText = new HelpText(settings.commandPrefix(), texts::ofPlugin);
        this.parser = new CommandParser(settings.commandPrefix());
        this.commands = commands;
        this.plugins = plugins;
        this.permissions = permissions;
        this.rooms = rooms;
        this.directChat = directChat;
        this.counters = counters;
        this.allowance = new CommandAllowance(settings, counters, clock);
        this.answerUnknownCommands = settings.answerUnknownCommands();
    }

    /** A command that passed every check: its handler call, to make in its plugin's lane. */
    final class PendingCommand {
        private final String pluginId;
        private final CommandTable.Entry entry;
        private final Invocation invocation;

        private PendingCommand(CommandTable.Entry entry, Invocation invocation) {
            this.pluginId = entry.pluginId();
            this.entry = entry;
            this.invocation = invocation;
        }

        String pluginId() {
            return pluginId;
        }

        /** Calls the handler through {@code calls} (on the lane's thread) and answers a failure or a skip. */
        void run(IsolatedCalls calls) {
            CommandOrigin origin = invocation.origin;
            String name = parser.prefix() + invocation.spec.name();
            IsolatedCalls.Outcome outcome = calls.run(pluginId, origin.queueKey(), name,
                    () -> entry.handler().handle(invocation));
            if (outcome == IsolatedCalls.Outcome.FAILED) {
                reply(origin, wording(runtimeTexts, origin).format("command.failed", name));
            } else if (outcome == IsolatedCalls.Outcome.SKIPPED) {
                reply(origin, wording(runtimeTexts, origin).format("command.busy", name));
            } else if (outcome == IsolatedCalls.Outcome.PAUSED && answerUnknownCommands) {
                // Disabled after it was queued: answered as one arriving now is, like an unknown command.
                reply(origin, wording(runtimeTexts, origin).format("command.unknown", name, parser.prefix()));
            }
        }
    }

    /**
     * Whether {@link #accept} may have anything to do with the event: a message starting with the command
     * prefix. Cheap, for the dispatcher's thread-saving path; everything else is handed to the plugins at once.
     */
    boolean mayBeCommand(BotEvent event) {
        MessageStanza message = switch (event) {
            case RoomMessageReceivedEvent received -> received.message();
            case PrivateMessageReceivedEvent received -> received.message();
            case DirectMessageReceivedEvent received -> received.message();
            default -> null;
        };
        return message != null && message.body() != null && message.body().startsWith(parser.prefix());
    }

    /**
     * Handles the message event if it is a command; ignores every other event. The runtime's own answers
     * (help, refusals, usage) are given here; a command to run is returned, for its plugin's lane.
     */
    Optional<PendingCommand> accept(BotEvent event, String queueKey) {
        Optional<CommandOrigin> origin = originOf(event, queueKey);
        if (origin.isEmpty()) {
            return Optional.empty();
        }
        CommandParser.Result parsed = parser.parse(origin.get().message().body());
        if (parsed instanceof CommandParser.NotACommand) {
            return Optional.empty();
        }
        Permission level = permissions.resolve(origin.get().scope(), origin.get().sender());
        if (!allowance.allow(origin.get(), level, wait -> replyPrivately(origin.get(),
                privateWording(runtimeTexts, origin.get()).format("command.rate-limited", wait)))) {
            return Optional.empty();
        }
        return switch (parsed) {
            case CommandParser.NotACommand ignored -> Optional.empty();
            case CommandParser.Malformed malformed -> {
                // The parser's one problem: a quote left open.
                reply(origin.get(), wording(runtimeTexts, origin.get()).format("command.unclosed-quote",
                        parser.prefix() + malformed.name()));
                yield Optional.empty();
            }
            case CommandParser.Parsed command -> run(origin.get(), command, level);
        };
    }

    private Optional<PendingCommand> run(CommandOrigin origin, CommandParser.Parsed parsed, Permission level) {
        if (CommandTable.HELP.equals(parsed.name())) {
            reply(origin, help(origin, level, parsed.arguments()));
            return Optional.empty();
        }
        Optional<CommandTable.Entry> found = commands.find(parsed.name()).filter(entry -> offeredHere(entry, origin));
        if (found.isEmpty()) {
            if (answerUnknownCommands) {
                reply(origin, wording(runtimeTexts, origin).format("command.unknown", parser.prefix() + parsed.name(),
                        parser.prefix()));
            }
            return Optional.empty();
        }
        CommandTable.Entry entry = found.get();
        CommandSpec spec = entry.spec();
        if (!level.includes(spec.permission())) {
            counters.commandsRefused.increment();
            LOG.info("refused {}{} to {} in {}: needs {}, has {}", parser.prefix(), spec.name(),
                    origin.sender().displayName(), origin.queueKey(), spec.permission(), level);
            Wording answer = wording(runtimeTexts, origin);
            reply(origin, answer.format("command.refused", parser.prefix() + spec.name(),
                    HelpText.permission(answer, spec.permission())));
            return Optional.empty();
        }
        if (!spec.acceptsArgumentCount(parsed.arguments().size())) {
            reply(origin, wording(runtimeTexts, origin).format("command.usage", synopsis(origin, entry)));
            return Optional.empty();
        }
        counters.commandsRun.increment();
        return Optional.of(new PendingCommand(entry,
                new Invocation(spec, parsed.arguments(), parsed.argumentText(), origin, level)));
    }

    private boolean offeredHere(CommandTable.Entry entry, CommandOrigin origin) {
        if (!entry.spec().scopes().contains(origin.scope()) || !plugins.isRunning(entry.pluginId())
                || plugins.isPaused(entry.pluginId())) {
            return false;
        }
        return origin.roomJid().map(room -> plugins.isEnabledIn(entry.pluginId(), room)).orElse(true);
    }

    private String help(CommandOrigin origin, Permission level, List<String> arguments) {
        List<CommandTable.Entry> runnable = commands.entries().stream()
                .filter(entry -> offeredHere(entry, origin) && level.includes(entry.spec().permission()))
                .sorted(Comparator.comparing(entry -> entry.spec().name()))
                .toList();
        return helpText.help(wording(runtimeTexts, origin), pluginTexts -> wording(pluginTexts, origin), runnable,
                arguments);
    }

    private String synopsis(CommandOrigin origin, CommandTable.Entry entry) {
        return helpText.synopsis(wording(texts.ofPlugin(entry.pluginId()), origin), entry.spec());
    }

    /** The wording of an answer to that origin: the room's in the room, the sender's privately. */
    private Wording wording(Texts texts, CommandOrigin origin) {
        if (origin.scope() == CommandScope.ROOM) {
            return origin.roomJid().flatMap(rooms::room).map(texts::in).orElseGet(texts::byDefault);
        }
        return privateWording(texts, origin);
    }

    /** The wording of a private answer to that origin. */
    private Wording privateWording(Texts texts, CommandOrigin origin) {
        if (origin.scope() == CommandScope.DIRECT) {
            return texts.toUser(origin.sender().fullJid().orElseThrow());
        }
        return origin.roomJid().flatMap(rooms::room)
                .map(room -> texts.privatelyTo(room, origin.sender().displayName())).orElseGet(texts::byDefault);
    }

    private Optional<CommandOrigin> originOf(BotEvent event, String queueKey) {
        return switch (event) {
            case RoomMessageReceivedEvent message -> Optional.of(new CommandOrigin(CommandScope.ROOM, queueKey,
                    Optional.of(message.roomJid()), roomSender(message.sender()), message.message(), event));
            case PrivateMessageReceivedEvent message -> Optional.of(new CommandOrigin(CommandScope.PRIVATE, queueKey,
                    Optional.of(message.roomJid()), roomSender(message.sender()), message.message(), event));
            case DirectMessageReceivedEvent message -> Optional.of(new CommandOrigin(CommandScope.DIRECT, queueKey,
                    Optional.empty(), new CommandSender(Optional.empty(), Optional.of(message.senderBareJid()),
                    Optional.of(message.senderFullJid())), message.message(), event));
            default -> Optional.empty();
        };
    }

    private static CommandSender roomSender(Occupant occupant) {
        return new CommandSender(Optional.of(occupant), occupant.realJid(), Optional.empty());
    }

    private CompletionStage<ActionResult> reply(CommandOrigin origin, String text) {
        return switch (origin.scope()) {
            case ROOM -> inRoom(origin, room -> room.reply(
                    MessageRef.of((RoomMessageReceivedEvent) origin.event()), text));
            case PRIVATE -> replyPrivately(origin, text);
            case DIRECT -> directChat.send(origin.sender().fullJid().orElseThrow(), text);
        };
    }

    private CompletionStage<ActionResult> replyPrivately(CommandOrigin origin, String text) {
        if (origin.scope() == CommandScope.DIRECT) {
            return directChat.send(origin.sender().fullJid().orElseThrow(), text);
        }
        return inRoom(origin, room -> room.sendPrivate(origin.sender().displayName(), text));
    }

    private CompletionStage<ActionResult> inRoom(CommandOrigin origin,
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
        private final CommandOrigin origin;
        private final Permission level;

        Invocation(CommandSpec spec, List<String> arguments, String argumentText, CommandOrigin origin, Permission level) {
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
