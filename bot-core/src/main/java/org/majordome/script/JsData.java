package org.majordome.script;

import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * Turns the runtime's values into what a script can use without host access: records, optionals, enums,
 * times and collections become plain data (JSON text, parsed by the script's own {@code JSON.parse}, so
 * scripts get ordinary JavaScript objects and arrays of their own: what façade functions return, the
 * configuration), and façade objects are read-only proxies. Events and commands, made on every call, skip the
 * JSON round trip: {@link HostData}.
 */
final class JsData {

    private JsData() {
    }

    /**
     * Plain data: records become maps of their components (in declaration order), {@code Optional}s their
     * value or null, enums lower-case names ({@code BOT_ADMIN} → {@code bot_admin}), times ISO-8601 text.
     */
    static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Number number -> number;
            case Boolean bool -> bool;
            case Optional<?> optional -> plain(optional.orElse(null));
            case Enum<?> constant -> constant.name().toLowerCase(Locale.ROOT);
            case TemporalAccessor time -> time.toString();
            case Record rec -> recordToMap(rec);
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((key, item) -> copy.put(String.valueOf(key), plain(item)));
                yield copy;
            }
            case Collection<?> items -> items.stream().map(JsData::plain).toList();
            default -> value.toString();
        };
    }

    /**
     * Each record class's components, looked up once: {@code getRecordComponents()} builds new reflection
     * objects on every call, and every event a script handles goes through here.
     */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private static Map<String, Object> recordToMap(Record rec) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent component : COMPONENTS.get(rec.getClass())) {
            try {
                map.put(component.getName(), plain(component.getAccessor().invoke(rec)));
            } catch (ReflectiveOperationException unreadable) {
                throw new IllegalStateException("cannot read " + component + " for a script", unreadable);
            }
        }
        return map;
    }

    /** JSON text of plain data. */
    static String json(Object plain) {
        StringBuilder out = new StringBuilder();
        writeJson(plain, out);
        return out.toString();
    }

    private static void writeJson(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String text -> quote(text, out);
            case Boolean bool -> out.append(bool);
            case Double number when number.isNaN() || number.isInfinite() -> out.append("null");
            case Float number when number.isNaN() || number.isInfinite() -> out.append("null");
            case Number number -> out.append(number);
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    quote(String.valueOf(entry.getKey()), out);
                    out.append(':');
                    writeJson(entry.getValue(), out);
                }
                out.append('}');
            }
            case Collection<?> items -> {
                out.append('[');
                boolean first = true;
                for (Object item : items) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    writeJson(item, out);
                }
                out.append(']');
            }
            default -> quote(value.toString(), out);
        }
    }

    static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * A read-only object for scripts: its members are functions ({@link ProxyExecutable}, named after their
     * member so that no error message shows a host class name: {@link JsFunction}) or values.
     */
    static ProxyObject object(Map<String, Object> members) {
        Map<String, Object> named = new LinkedHashMap<>();
        members.forEach((name, member) -> named.put(name,
                member instanceof ProxyExecutable function ? JsFunction.named(name, function) : member));
        return new ReadOnlyObject(Map.copyOf(named));
    }

    /** The text of argument {@code index}, or {@code fallback} when it is missing, null or undefined. */
    static String text(Value[] arguments, int index, String fallback) {
        if (index >= arguments.length || arguments[index].isNull()) {
            return fallback;
        }
        Value value = arguments[index];
        return value.isString() ? value.asString() : value.toString();
    }

    /** The text of a required argument. */
    static String requiredText(Value[] arguments, int index, String what) {
        String text = text(arguments, index, null);
        if (text == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return text;
    }

    /** A required function argument. */
    static Value function(Value[] arguments, int index, String what) {
        if (index >= arguments.length || !arguments[index].canExecute()) {
            throw new IllegalArgumentException(what + " must be a function");
        }
        return arguments[index];
    }

    /** JavaScript strings as a list. */
    static List<String> texts(Value array) {
        List<String> texts = new ArrayList<>();
        if (array != null && array.hasArrayElements()) {
            for (long i = 0; i < array.getArraySize(); i++) {
                Value element = array.getArrayElement(i);
                texts.add(element.isString() ? element.asString() : element.toString());
            }
        }
        return texts;
    }

    private static final class ReadOnlyObject implements ProxyObject {
        private final Map<String, Object> members;

        private ReadOnlyObject(Map<String, Object> members) {
            this.members = members;
        }

        @Override
        public Object getMember(String key) {
            return members.get(key);
        }

        @Override
        public Object getMemberKeys() {
            return ProxyArray.fromArray(members.keySet().stream().sorted().toArray());
        }

        @Override
        public boolean hasMember(String key) {
            return members.containsKey(key);
        }

        @Override
        public void putMember(String key, Value value) {
            throw new UnsupportedOperationException("this object is read-only");
        }

        @Override
        public boolean removeMember(String key) {
            throw new UnsupportedOperationException("this object is read-only");
        }

        /** What error messages show: the member names, never host class names. */
        @Override
        public String toString() {
            return "bot API object " + members.keySet().stream().sorted().toList();
        }
    }
}
