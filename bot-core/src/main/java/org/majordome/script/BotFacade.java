package org.majordome.script;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.majordome.api.NoConfig;
import org.majordome.api.PluginContext;
import org.majordome.api.command.CommandScope;
import org.majordome.api.command.CommandSpec;
import org.majordome.api.command.Permission;
import org.majordome.api.event.BotEvent;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.schedule.ScheduledJob;
import org.majordome.api.storage.StorageOperations;
import org.majordome.api.DurationText;
import org.slf4j.Logger;

/**
 * Builds the {@code bot} object one script version sees, and the objects handed to its handlers (events,
 * command invocations, rooms). Every member is a read-only proxy or plain JavaScript data; nothing gives
 * access to a host object. The API is described for script authors in {@code scripts/majordome.d.ts}.
 */
final class BotFacade {

    private final ScriptPlugin plugin;
    private final ScriptGeneration generation;
    private final PluginContext<NoConfig> context;
    private final Logger log;
    private final Map<String, RoomObject> rooms = new ConcurrentHashMap<>();

    private BotFacade(ScriptPlugin plugin, ScriptGeneration generation) {
        this.plugin = plugin;
        this.generation = generation;
        this.context = plugin.context();
        this.log = context.logger();
    }

    /** The {@code bot} global of a new version of the script. */
    static ProxyObject create(ScriptPlugin plugin, ScriptGeneration generation) {
        BotFacade facade = new BotFacade(plugin, generation);
        generation.useFacade(facade);
        return facade.bot();
    }

    /** The object an event's handlers get, with {@code room} and {@code reply} where they make sense. */
    static Object event(ScriptGeneration generation, BotEvent event) {
        return generation.facade().eventObject(event);
    }

    private ProxyObject bot() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("id", plugin.id());
        members.put("config", generation.toJs(plugin.config()));
        members.put("onEvent", (ProxyExecutable) args -> {
            String type = JsData.requiredText(args, 0, "the event type");
            generation.addHandler(type, JsData.function(args, 1, "the handler"));
            return null;
        });
        members.put("command", (ProxyExecutable) args -> {
            if (args.length < 1 || !args[0].hasMembers()) {
                throw new IllegalArgumentException("bot.command needs a spec object such as {name: 'roll', help: '...'}");
            }
            CommandSpec spec = commandSpec(args[0]);
            Value handler = JsData.function(args, 1, "the command handler");
            generation.whenActive(() -> generation.addRegistration(context.commands().register(spec,
                    invocation -> plugin.callIn(generation, "command " + spec.name(),
                            () -> handler.execute(new CommandObject(invocation, this))))));
            return null;
        });
        members.put("schedule", schedule());
        members.put("storage", store(context.storage(), true));
        members.put("rooms", JsData.object(Map.of(
                "get", (ProxyExecutable) args -> context.rooms().room(JsData.requiredText(args, 0, "the room JID"))
                        .map(this::roomObject).orElse(null),
                "all", (ProxyExecutable) args -> generation.jsArray(context.rooms().all().stream().map(this::roomObject).toList()))));
        members.put("sendDirect", (ProxyExecutable) args -> {
            String jid = JsData.requiredText(args, 0, "the JID");
            act("direct message to " + jid, context.directChat().send(jid, JsData.requiredText(args, 1, "the text")));
            return null;
        });
        members.put("pubsub", PubSubBindings.create(plugin, generation, context, log));
        members.put("checkNicks", NickCheckBinding.create(plugin, generation, context));
        members.put("consoleSections", ConsoleSectionBinding.create(plugin, generation, context));
        members.put("texts", TextBindings.botTexts(context.texts()));
        members.put("now", (ProxyExecutable) args -> context.clock().millis());
        members.put("log", JsData.object(Map.of(
                "debug", (ProxyExecutable) args -> logged(args, log::debug),
                "info", (ProxyExecutable) args -> logged(args, log::info),
                "warn", (ProxyExecutable) args -> logged(args, log::warn),
                "error", (ProxyExecutable) args -> logged(args, log::error))));
        return JsData.object(members);
    }

    private Object logged(Value[] args, java.util.function.Consumer<String> level) {
        List<String> parts = new ArrayList<>();
        for (Value arg : args) {
            parts.add(arg.isString() ? arg.asString() : arg.toString());
        }
        level.accept(plugin.fileName() + ": " + String.join(" ", parts));
        return null;
    }

    private CommandSpec commandSpec(Value spec) {
        CommandSpec.Builder builder = CommandSpec.builder(member(spec, "name"))
                .help(Optional.ofNullable(member(spec, "help")).orElse(""))
                .usage(Optional.ofNullable(member(spec, "usage")).orElse(""));
        String permission = member(spec, "permission");
        if (permission != null) {
            builder.permission(enumValue(Permission.class, permission, "permission"));
        }
        if (spec.hasMember("aliases")) {
            builder.aliases(JsData.texts(spec.getMember("aliases")).toArray(String[]::new));
        }
        int min = spec.hasMember("minArgs") && spec.getMember("minArgs").fitsInInt() ? spec.getMember("minArgs").asInt() : 0;
        int max = spec.hasMember("maxArgs") && spec.getMember("maxArgs").fitsInInt() ? spec.getMember("maxArgs").asInt() : -1;
        builder.arguments(min, max);
        if (spec.hasMember("scopes")) {
            List<CommandScope> scopes = JsData.texts(spec.getMember("scopes")).stream()
                    .map(scope -> enumValue(CommandScope.class, scope, "scope")).toList();
            if (scopes.isEmpty()) {
                throw new IllegalArgumentException("command scopes must not be empty");
            }
            Set<CommandScope> set = EnumSet.copyOf(scopes);
            CommandScope first = set.iterator().next();
            set.remove(first);
            builder.scopes(first, set.toArray(CommandScope[]::new));
        }
        return builder.build();
    }

    private static String member(Value object, String key) {
        Value value = object.getMember(key);
        return value == null || value.isNull() ? null : value.isString() ? value.asString() : value.toString();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String what) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown " + what + " '" + text + "' (known: "
                    + EnumSet.allOf(type).stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ")");
        }
    }

    /** The object an event's handlers get ({@link EventObject}). */
    Object eventObject(BotEvent event) {
        return new EventObject(event, ScriptGeneration.eventTypeName(event.getClass()), this);
    }

    PluginContext<NoConfig> context() {
        return context;
    }

    ScriptGeneration generation() {
        return generation;
    }

    /**
     * The room's object, made once per room and version of the script: a handler reading {@code event.room} on
     * every message does not rebuild its thirty members each time. A new handle for the same room (the room was
     * kept anew) gets a new object.
     */
    ProxyObject roomObject(RoomHandle room) {
        RoomObject known = rooms.get(room.roomJid());
        if (known == null || known.handle() != room) {
            known = new RoomObject(room, room(room));
            rooms.put(room.roomJid(), known);
        }
        return known.object();
    }

    private record RoomObject(RoomHandle handle, ProxyObject object) {
    }

    private ProxyObject room(RoomHandle room) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("jid", room.roomJid());
        members.put("botNick", room.botNick());
        members.put("timeZone", room.timeZone().getId());
        members.put("timeText", (ProxyExecutable) args -> room.timeText(moment(args)));
        members.put("language", room.language().toLanguageTag());
        members.put("format", TextBindings.formatter(() -> context.texts().in(room)));
        members.put("joined", (ProxyExecutable) args -> room.joined());
        // Scripts are single-threaded and cannot wait: the subject as known now, null before the room has sent it.
        members.put("subject", (ProxyExecutable) args -> room.subject().toCompletableFuture().getNow(null) instanceof
                Optional<String> known ? known.orElse("") : null);
        members.put("occupants", (ProxyExecutable) args -> generation.toJs(JsData.plain(room.occupants())));
        members.put("occupant", (ProxyExecutable) args -> generation.toJs(JsData.plain(
                room.occupant(JsData.requiredText(args, 0, "the nick")))));
        members.put("send", action(room, "send", 1, (r, a) -> r.send(a[0])));
        members.put("sendPrivate", action(room, "sendPrivate", 2, (r, a) -> r.sendPrivate(a[0], a[1])));
        members.put("kick", action(room, "kick", 1, (r, a) -> r.kick(a[0], a[1])));
        members.put("ban", action(room, "ban", 1, (r, a) -> r.ban(a[0], a[1])));
        members.put("unban", action(room, "unban", 1, (r, a) -> r.unban(a[0])));
        members.put("grantVoice", action(room, "grantVoice", 1, (r, a) -> r.grantVoice(a[0])));
        members.put("revokeVoice", action(room, "revokeVoice", 1, (r, a) -> r.revokeVoice(a[0], a[1])));
        members.put("grantMembership", action(room, "grantMembership", 1, (r, a) -> r.grantMembership(a[0])));
        members.put("revokeMembership", action(room, "revokeMembership", 1, (r, a) -> r.revokeMembership(a[0])));
        members.put("grantModerator", action(room, "grantModerator", 1, (r, a) -> r.grantModerator(a[0])));
        members.put("revokeModerator", action(room, "revokeModerator", 1, (r, a) -> r.revokeModerator(a[0])));
        members.put("setSubject", action(room, "setSubject", 1, (r, a) -> r.setSubject(a[0])));
        members.put("moderate", action(room, "moderate", 1, (r, a) -> r.moderateMessage(a[0], a[1])));
        members.put("invite", action(room, "invite", 1, (r, a) -> r.invite(a[0], a[1])));
        AffiliationBindings.addTo(members, room, plugin, generation, log);
        members.put("destroy", RoomDestroyBinding.destroy(room, this::act));
        return JsData.object(members);
    }

    /** A moment from a script: a Date, milliseconds since the epoch (Date.now()) or an ISO-8601 text. */
    private static Instant moment(Value[] args) {
        if (args.length == 0 || args[0].isNull()) {
            throw new IllegalArgumentException("the moment is required (a Date, milliseconds or an ISO-8601 text)");
        }
        Value value = args[0];
        if (value.isInstant()) {
            return value.asInstant();
        }
        if (value.isNumber()) {
            return Instant.ofEpochMilli((long) value.asDouble());
        }
        try {
            return Instant.parse(JsData.requiredText(args, 0, "the moment"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a moment: " + value + " (a Date, milliseconds or an ISO-8601 text)");
        }
    }

    private interface RoomAction {
        CompletionStage<ActionResult> apply(RoomHandle room, String[] arguments);
    }

    /** A room action taking {@code required} text arguments (and optional ones after them, passed as ""). */
    private ProxyExecutable action(RoomHandle room, String name, int required, RoomAction action) {
        return args -> {
            String[] texts = new String[Math.max(required, 2)];
            for (int i = 0; i < texts.length; i++) {
                texts[i] = i < required ? JsData.requiredText(args, i, name + " argument " + (i + 1))
                        : JsData.text(args, i, "");
            }
            act(name + " in " + room.roomJid(), action.apply(room, texts));
            return null;
        };
    }

    /** Room actions are fire-and-forget for scripts: what did not succeed is logged. */
    void act(String what, CompletionStage<ActionResult> result) {
        result.whenComplete((outcome, failure) -> {
            if (failure != null) {
                log.warn("{}: {} failed: {}", plugin.fileName(), what, failure.toString());
            } else if (!outcome.succeeded()) {
                log.warn("{}: {} did not succeed: {}", plugin.fileName(), what, outcome);
            }
        });
    }

    private ProxyObject store(StorageOperations store, boolean withRooms) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("get", (ProxyExecutable) args -> store.get(JsData.requiredText(args, 0, "the key")).orElse(null));
        members.put("put", (ProxyExecutable) args -> {
            store.put(JsData.requiredText(args, 0, "the key"), JsData.requiredText(args, 1, "the value"));
            return null;
        });
        members.put("delete", (ProxyExecutable) args -> store.delete(JsData.requiredText(args, 0, "the key")));
        members.put("increment", (ProxyExecutable) args -> {
            long delta = args.length > 1 && args[1].fitsInLong() ? args[1].asLong() : 1;
            return store.increment(JsData.requiredText(args, 0, "the key"), delta);
        });
        members.put("keys", (ProxyExecutable) args -> generation.toJs(store.keys(JsData.text(args, 0, ""))));
        members.put("entries", (ProxyExecutable) args -> generation.toJs(store.entries(JsData.text(args, 0, ""))));
        if (withRooms) {
            members.put("room", (ProxyExecutable) args ->
                    store(context.storage().room(JsData.requiredText(args, 0, "the room JID")), false));
        }
        return JsData.object(members);
    }

    private ProxyObject schedule() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("every", (ProxyExecutable) args -> {
            String name = JsData.requiredText(args, 0, "the job name");
            Duration interval = duration(args, 1);
            Value task = JsData.function(args, 2, "the task");
            schedule(name, scheduler -> scheduler.every(name, interval, firing -> runTask(name, task)));
            return null;
        });
        members.put("cron", (ProxyExecutable) args -> {
            String name = JsData.requiredText(args, 0, "the job name");
            String expression = JsData.requiredText(args, 1, "the cron expression");
            Value task = JsData.function(args, 2, "the task");
            ZoneId zone = Optional.ofNullable(JsData.text(args, 3, null)).map(ZoneId::of).orElse(context.clock().getZone());
            schedule(name, scheduler -> scheduler.cron(name, expression, zone, firing -> runTask(name, task)));
            return null;
        });
        members.put("once", (ProxyExecutable) args -> {
            String name = JsData.requiredText(args, 0, "the job name");
            Instant at = when(args, 1);
            Value task = JsData.function(args, 2, "the task");
            schedule(name, scheduler -> scheduler.once(name, at, firing -> runTask(name, task)));
            return null;
        });
        members.put("persistent", (ProxyExecutable) args -> {
            String kind = JsData.requiredText(args, 0, "the job kind");
            String name = JsData.requiredText(args, 1, "the job name");
            Instant at = when(args, 2);
            String payload = JsData.text(args, 3, "");
            schedule(name, scheduler -> scheduler.schedulePersistent(kind, name, at, payload));
            return null;
        });
        members.put("onPersistent", (ProxyExecutable) args -> {
            String kind = JsData.requiredText(args, 0, "the job kind");
            Value handler = JsData.function(args, 1, "the handler");
            generation.setPersistentHandler(kind, handler);
            generation.whenActive(() -> plugin.listenForPersistentJobs(kind));
            return null;
        });
        members.put("cancel", (ProxyExecutable) args -> context.scheduler().cancel(JsData.requiredText(args, 0, "the job name")));
        members.put("jobs", (ProxyExecutable) args -> generation.toJs(
                context.scheduler().jobs().stream().map(ScheduledJob::name).toList()));
        return JsData.object(members);
    }

    private void schedule(String name, Function<org.majordome.api.schedule.PluginScheduler, ScheduledJob> scheduling) {
        generation.whenActive(() -> generation.addJob(scheduling.apply(context.scheduler())));
    }

    private void runTask(String name, Value task) {
        plugin.callIn(generation, "job " + name, () -> task.execute());
    }

    /** A duration: text such as {@code 10m} or {@code 1h30m}, or a number of milliseconds. */
    private static Duration duration(Value[] args, int index) {
        if (index < args.length && args[index].fitsInLong()) {
            return Duration.ofMillis(args[index].asLong());
        }
        String text = JsData.requiredText(args, index, "the duration");
        return DurationText.parsePositive(text)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a duration such as 30s, 10m or 1h30m"));
    }

    /** A time: a delay from now ({@link #duration}) or an ISO-8601 instant such as {@code 2025-06-01T09:00:00Z}. */
    private Instant when(Value[] args, int index) {
        String text = JsData.text(args, index, null);
        if (text != null && text.matches("\\d{4}-.*")) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notInstant) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 instant such as 2025-06-01T09:00:00Z");
            }
        }
        return context.clock().instant().plus(duration(args, index));
    }
}
