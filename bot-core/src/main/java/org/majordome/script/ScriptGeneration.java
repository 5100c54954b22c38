package org.majordome.script;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.majordome.api.command.CommandRegistry;
import org.majordome.api.event.BotEvent;
import org.majordome.api.pubsub.Following;
import org.majordome.api.schedule.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded version of a script: its context and everything it registered. While the file's top level runs
 * ({@link Phase#LOADING}) commands and jobs are only noted, so that a version that fails to load leaves the
 * running one untouched; {@link #activate} then registers them, and {@link #retire} removes them again when
 * a newer version takes over. Touched only on the script's thread, except the read-only
 * {@link #listensTo}.
 */
final class ScriptGeneration {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptGeneration.class);

    /** Worked out once per class: every event a script listens to asks (before {@link #EVENT_TYPES}, which uses it). */
    private static final ClassValue<String> TYPE_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> eventType) {
            String name = eventType.getSimpleName();
            return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
        }
    };

    /** The names scripts use for event types: the record's simple name without {@code Event}. */
    static final Set<String> EVENT_TYPES = leaves(BotEvent.class).map(ScriptGeneration::eventTypeName)
            .collect(Collectors.toUnmodifiableSet());
    static final String ANY_EVENT = "*";

    enum Phase { LOADING, ACTIVE, RETIRED }

    private final String fileName;
    private final Context context;
    private final Value jsonParse;
    private final Map<String, List<Value>> handlers = new ConcurrentHashMap<>();
    private final List<Runnable> deferred = new ArrayList<>();
    private final List<CommandRegistry.Registration> registrations = new CopyOnWriteArrayList<>();
    private final Map<String, ScheduledJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, Value> persistentHandlers = new ConcurrentHashMap<>();
    private final List<Following> followings = new CopyOnWriteArrayList<>();
    private final List<org.majordome.api.room.NickCheck.Registration> nickChecks = new CopyOnWriteArrayList<>();
    private final List<org.majordome.api.console.ConsoleSections.Registration> consoleSections =
            new CopyOnWriteArrayList<>();
    private volatile Phase phase = Phase.LOADING;
    private BotFacade facade;

    ScriptGeneration(String fileName, Context context) {
        this.fileName = fileName;
        this.context = context;
        // Taken before the script runs, so that a script redefining JSON.parse cannot change how we hand it data.
        this.jsonParse = context.eval("js", "JSON.parse");
    }

    /** The records under a sealed event type, however deep (plugins' events sit under {@code RoomEvent}). */
    private static java.util.stream.Stream<Class<?>> leaves(Class<?> type) {
        return type.isSealed() ? Arrays.stream(type.getPermittedSubclasses()).flatMap(ScriptGeneration::leaves)
                : java.util.stream.Stream.of(type);
    }

    static String eventTypeName(Class<?> eventType) {
        return TYPE_NAMES.get(eventType);
    }

    Context context() {
        return context;
    }

    String fileName() {
        return fileName;
    }

    Phase phase() {
        return phase;
    }

    /** The façade this version's {@code bot} global is (set once, before the file runs). */
    void useFacade(BotFacade made) {
        this.facade = made;
    }

    BotFacade facade() {
        return facade;
    }

    /** Plain data ({@link JsData#plain}) as a JavaScript value of this context. */
    Value toJs(Object plainData) {
        return jsonParse.execute(JsData.json(plainData));
    }

    /** A JavaScript array of these elements (proxies or values of this context). */
    Value jsArray(List<?> elements) {
        Value array = toJs(List.of());
        for (int i = 0; i < elements.size(); i++) {
            array.setArrayElement(i, elements.get(i));
        }
        return array;
    }

    void addHandler(String eventType, Value handler) {
        String type = eventType.endsWith("Event") ? eventType.substring(0, eventType.length() - "Event".length()) : eventType;
        if (!type.equals(ANY_EVENT) && !EVENT_TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown event type '" + eventType + "' (known: "
                    + EVENT_TYPES.stream().sorted().toList() + ", or '*' for all)");
        }
        handlers.computeIfAbsent(type, key -> new CopyOnWriteArrayList<>()).add(handler);
    }

    boolean listensTo(BotEvent event) {
        return phase == Phase.ACTIVE && (handlers.containsKey(eventTypeName(event.getClass())) || handlers.containsKey(ANY_EVENT));
    }

    /** The handlers for this event, specific ones first. */
    List<Value> handlersFor(BotEvent event) {
        List<Value> specific = handlers.getOrDefault(eventTypeName(event.getClass()), List.of());
        List<Value> any = handlers.getOrDefault(ANY_EVENT, List.of());
        if (any.isEmpty()) {
            return specific;
        }
        List<Value> matching = new ArrayList<>(specific);
        matching.addAll(any);
        return matching;
    }

    /** Runs {@code action} now when active, at activation while loading, never once retired. */
    void whenActive(Runnable action) {
        switch (phase) {
            case LOADING -> deferred.add(action);
            case ACTIVE -> action.run();
            case RETIRED -> LOG.debug("{}: ignoring a registration from a replaced version", fileName);
        }
    }

    void addRegistration(CommandRegistry.Registration registration) {
        registrations.add(registration);
    }

    /** A nick check this version registered, withdrawn when it is retired. */
    void addNickCheck(org.majordome.api.room.NickCheck.Registration registration) {
        nickChecks.add(registration);
    }

    /** A console section this version offered, withdrawn when it is retired. */
    void addConsoleSection(org.majordome.api.console.ConsoleSections.Registration registration) {
        consoleSections.add(registration);
    }

    void addJob(ScheduledJob job) {
        jobs.put(job.name(), job);
    }

    /** A node this version follows, until it is retired (its handlers go with it). */
    void addFollowing(Following following) {
        followings.add(following);
    }

    /** A following the script stopped itself: closed, and no longer kept (a script may follow and stop often). */
    void stopFollowing(Following following) {
        following.close();
        followings.remove(following);
    }

    void setPersistentHandler(String kind, Value handler) {
        persistentHandlers.put(kind, handler);
    }

    Value persistentHandler(String kind) {
        return persistentHandlers.get(kind);
    }

    /** Registers what the top level asked for. A registration that fails (a taken command name) is logged. */
    void activate() {
        phase = Phase.ACTIVE;
        for (Runnable action : deferred) {
            try {
                action.run();
            } catch (RuntimeException refused) {
                LOG.error("{}: {}", fileName, refused.getMessage());
            }
        }
        deferred.clear();
    }

    /**
     * Removes this version's commands, nick checks, console sections, followed nodes and in-memory jobs; persistent jobs stay for the next
     * version.
     */
    void retire() {
        phase = Phase.RETIRED;
        registrations.forEach(CommandRegistry.Registration::close);
        registrations.clear();
        followings.forEach(Following::close);
        followings.clear();
        nickChecks.forEach(org.majordome.api.room.NickCheck.Registration::close);
        nickChecks.clear();
        consoleSections.forEach(org.majordome.api.console.ConsoleSections.Registration::close);
        consoleSections.clear();
        for (ScheduledJob job : jobs.values()) {
            if (!job.persistent()) {
                job.cancel();
            }
        }
        jobs.clear();
        handlers.clear();
    }

    /** Whether this version's context was closed (a closed context refuses every use). */
    boolean contextClosed() {
        try {
            context.getBindings("js");
            return false;
        } catch (IllegalStateException closed) {
            return true;
        }
    }

    /** Retires this version and frees its context. */
    void close() {
        retire();
        try {
            context.close(true);
        } catch (IllegalStateException | PolyglotException closing) {
            LOG.debug("{}: closing a replaced context", fileName, closing);
        }
    }

    int handlerCount() {
        return handlers.values().stream().mapToInt(List::size).sum();
    }

    int commandCount() {
        return registrations.size();
    }

    int jobCount() {
        return jobs.size();
    }

    int followingCount() {
        return followings.size();
    }
}
