package org.majordome.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.majordome.api.PluginContext;
import org.majordome.api.console.ConsoleAction;
import org.majordome.api.console.ConsoleActionRequest;
import org.majordome.api.console.ConsoleDetail;
import org.majordome.api.console.ConsoleFilter;
import org.majordome.api.console.ConsoleOutcome;
import org.majordome.api.console.ConsoleQuery;
import org.majordome.api.console.ConsoleRow;
import org.majordome.api.console.ConsoleSection;

/**
 * A script's {@code bot.consoleSections.offer({id, title, columns, filters?, list, detail?, act?})}:
 * {@link PluginContext#consoleSections()}. The console calls the section on its own threads; each call runs the
 * script's function on the script's thread, under its time and memory limits, while the page waits ({@link
 * ScriptPlugin#callIn}): a function that throws or overruns fails that call only (the console shows the failure in
 * words), and counts as a violation like any other call. What the script answers is converted to the API's plain
 * records there, as untrusted text the console escapes. The section goes with the version that offered it.
 */
final class ConsoleSectionBinding {

    private ConsoleSectionBinding() {
    }

    static ProxyObject create(ScriptPlugin plugin, ScriptGeneration generation, PluginContext<?> context) {
        return JsData.object(Map.of("offer", (ProxyExecutable) args -> {
            if (args.length < 1 || !args[0].hasMembers()) {
                throw new IllegalArgumentException("bot.consoleSections.offer needs a section object such as "
                        + "{id: 'greetings', title: 'Greetings', columns: ['Who'], list: query => []}");
            }
            Value spec = args[0];
            Value id = spec.getMember("id");
            if (id == null || !id.isString()) {
                throw new IllegalArgumentException("a console section needs an id (lower-case letters, digits and -)");
            }
            Value list = spec.getMember("list");
            if (list == null || !list.canExecute()) {
                throw new IllegalArgumentException("console section " + id.asString() + ": list must be a function");
            }
            ScriptSection section = new ScriptSection(plugin, generation, id.asString(), spec);
            generation.whenActive(() -> generation.addConsoleSection(context.consoleSections().offer(section)));
            return null;
        }));
    }

    /** The section as the console sees it; {@code spec} is touched only inside {@link ScriptPlugin#callIn}. */
    private static final class ScriptSection implements ConsoleSection {

        private final ScriptPlugin plugin;
        private final ScriptGeneration generation;
        private final String id;
        private final Value spec;

        ScriptSection(ScriptPlugin plugin, ScriptGeneration generation, String id, Value spec) {
            this.plugin = plugin;
            this.generation = generation;
            this.id = id;
            this.spec = spec;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title(Locale language) {
            return Optional.ofNullable(call("title", () -> text(valueOrCall("title", language))))
                    .filter(title -> !title.isBlank()).orElse(id);
        }

        @Override
        public List<String> columns(Locale language) {
            return orEmpty(call("columns", () -> JsData.texts(valueOrCall("columns", language))));
        }

        @Override
        public List<ConsoleFilter> filters(Locale language) {
            return orEmpty(call("filters", () -> each(valueOrCall("filters", language), ScriptSection::filter)));
        }

        @Override
        public List<ConsoleRow> list(ConsoleQuery query) {
            Map<String, Object> asked = new LinkedHashMap<>();
            asked.put("filters", query.filters());
            asked.put("rooms", query.visibleRooms().stream().sorted().toList());
            asked.put("allRooms", query.allRooms());
            asked.put("limit", query.limit());
            asked.put("language", query.language().toLanguageTag());
            // At most the rows the console shows: a script answering more wastes nothing past them.
            return orEmpty(call("list", () -> each(spec.getMember("list").execute(generation.toJs(asked)),
                    ScriptSection::row, query.limit())));
        }

        @Override
        public Optional<ConsoleDetail> detail(String room, String rowId, Locale language) {
            return Optional.ofNullable(call("detail", () -> {
                Value detail = spec.getMember("detail");
                if (detail == null || !detail.canExecute()) {
                    return null;
                }
                Value answer = detail.execute(room, rowId, language.toLanguageTag());
                if (answer == null || answer.isNull() || !answer.hasMembers()) {
                    return null;
                }
                return new ConsoleDetail(text(answer.getMember("title")),
                        each(answer.getMember("fields"), field -> new ConsoleDetail.Field(
                                text(field.getMember("label")), text(field.getMember("value")))),
                        each(answer.getMember("actions"), action -> new ConsoleAction(text(action.getMember("name")),
                                text(action.getMember("label")), text(action.getMember("confirmation")))));
            }));
        }

        @Override
        public CompletionStage<ConsoleOutcome> act(ConsoleActionRequest request) {
            try {
                ConsoleOutcome outcome = call("act", () -> {
                    Value act = spec.getMember("act");
                    if (act == null || !act.canExecute()) {
                        throw new IllegalStateException("console section " + id + " has no act function");
                    }
                    Value answer = act.execute(generation.toJs(Map.of("operator", request.operator(),
                            "room", request.room(), "rowId", request.rowId(), "action", request.action(),
                            "language", request.language().toLanguageTag())));
                    if (answer != null && answer.hasMembers() && answer.hasMember("message")) {
                        Value done = answer.getMember("done");
                        return new ConsoleOutcome(done == null || !done.isBoolean() || done.asBoolean(),
                                text(answer.getMember("message")));
                    }
                    return ConsoleOutcome.done(answer == null || answer.isNull() ? request.action() : text(answer));
                });
                if (outcome == null) {
                    throw new IllegalStateException("the script was loaded again; " + request.action() + " not run");
                }
                return CompletableFuture.completedFuture(outcome);
            } catch (RuntimeException failed) {
                return CompletableFuture.failedFuture(failed);
            }
        }

        /** Runs on the script's thread; null when this version is no longer the running one. */
        private <T> T call(String what, java.util.function.Supplier<T> work) {
            AtomicReference<T> result = new AtomicReference<>();
            plugin.callIn(generation, "console section " + id + " " + what, () -> result.set(work.get()));
            return result.get();
        }

        /** A member given as a value, or as a function of the operator's language tag. */
        private Value valueOrCall(String member, Locale language) {
            Value value = spec.getMember(member);
            return value != null && value.canExecute() ? value.execute(language.toLanguageTag()) : value;
        }

        private static ConsoleFilter filter(Value filter) {
            String kind = text(filter.getMember("kind"));
            return new ConsoleFilter(text(filter.getMember("name")), text(filter.getMember("label")),
                    kind.isEmpty() ? ConsoleFilter.Kind.TEXT : ConsoleFilter.Kind.valueOf(kind.toUpperCase(Locale.ROOT)),
                    JsData.texts(filter.getMember("choices")));
        }

        private static ConsoleRow row(Value row) {
            return new ConsoleRow(text(row.getMember("room")), text(row.getMember("id")),
                    JsData.texts(row.getMember("cells")));
        }

        private static <T> List<T> each(Value array, Function<Value, T> convert) {
            return each(array, convert, Integer.MAX_VALUE);
        }

        private static <T> List<T> each(Value array, Function<Value, T> convert, int most) {
            List<T> items = new ArrayList<>();
            if (array != null && array.hasArrayElements()) {
                for (long i = 0; i < array.getArraySize() && items.size() < most; i++) {
                    Value item = array.getArrayElement(i);
                    if (item != null && item.hasMembers()) {
                        items.add(convert.apply(item));
                    }
                }
            }
            return items;
        }

        private static String text(Value value) {
            return value == null || value.isNull() ? "" : value.isString() ? value.asString() : value.toString();
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }
}
