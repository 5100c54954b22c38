package org.majordome.script;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The runtime's values as scripts see them, without serialising: the same shapes and values as
 * {@link JsData#plain} followed by JSON text and {@code JSON.parse} (what scripts got before), but built as
 * read-only proxies whose members are read from the host value when a script first reads them. Records become
 * objects of their components (in declaration order), maps objects, collections arrays, {@code Optional}s
 * their value or null, enums lower-case names, times ISO-8601 text, numbers JavaScript numbers (NaN and
 * infinities null, as JSON has them); anything else its text. Nothing else gets through: a script never holds
 * a host object.
 */
final class HostData {

    private HostData() {
    }

    /** {@code value} as a script value: text, a number, a boolean, null or a read-only proxy. */
    static Object toScript(Object value) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Boolean bool -> bool;
            case Integer number -> number;
            case Long number -> number;
            case Short number -> number;
            case Byte number -> number;
            case Double number -> number.isNaN() || number.isInfinite() ? null : number;
            case Float number -> number.isNaN() || number.isInfinite() ? null : number;
            case Number number -> toScript(number.doubleValue());
            case Optional<?> optional -> toScript(optional.orElse(null));
            case Enum<?> constant -> constant.name().toLowerCase(Locale.ROOT);
            case TemporalAccessor time -> time.toString();
            case Record rec -> new RecordData(rec);
            case Map<?, ?> map -> new MapData(map);
            case Collection<?> items -> new ReadOnlyList(items.toArray());
            default -> value.toString();
        };
    }

    /** A record's components, looked up once per record class. */
    private record Components(String[] names, Method[] accessors) {
    }

    private static final ClassValue<Components> COMPONENTS = new ClassValue<>() {
        @Override
        protected Components computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                accessors[i] = components[i].getAccessor();
            }
            return new Components(names, accessors);
        }
    };

    /** The component names of a record class, in declaration order (shared: do not change the array). */
    static String[] componentNames(Class<? extends Record> type) {
        return COMPONENTS.get(type).names();
    }

    /** Component {@code index} of {@code rec}, as the host value. */
    static Object component(Record rec, int index) {
        try {
            return COMPONENTS.get(rec.getClass()).accessors()[index].invoke(rec);
        } catch (IllegalAccessException | InvocationTargetException unreadable) {
            throw new IllegalStateException("cannot read component " + index + " of " + rec.getClass().getSimpleName()
                    + " for a script", unreadable);
        }
    }

    /** A record as a read-only object of its components. */
    private static final class RecordData extends LazyObject {
        private final Record rec;

        private RecordData(Record rec) {
            this.rec = rec;
        }

        @Override
        protected String[] memberNames() {
            return componentNames(rec.getClass());
        }

        @Override
        protected Object memberValue(int index) {
            return toScript(component(rec, index));
        }
    }

    /** A map as a read-only object, its keys as text; a snapshot of the map as it was. */
    private static final class MapData extends LazyObject {
        private final String[] names;
        private final Object[] values;

        private MapData(Map<?, ?> map) {
            names = new String[map.size()];
            values = new Object[map.size()];
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                names[i] = String.valueOf(entry.getKey());
                values[i] = entry.getValue();
                i++;
            }
        }

        @Override
        protected String[] memberNames() {
            return names;
        }

        @Override
        protected Object memberValue(int index) {
            return toScript(values[index]);
        }
    }
}
