package org.majordome.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.majordome.api.text.ConfigRefusal;
import org.majordome.text.Phrase;

/**
 * Binds a configuration section to a record, component by component: {@code maxLines} is read from
 * the key {@code max-lines}. A record that declares {@code public static R defaults()} takes every
 * missing key from it; without one, a missing key is an error unless its component is an
 * {@code Optional}. Unknown keys are errors, as everywhere else in the file.
 *
 * <p>Component types: {@code String}, {@code int}/{@code Integer}, {@code long}, {@code double},
 * {@code boolean}, {@link Duration}, {@link LocalTime} ({@code 08:30}), {@link ZoneId}, {@link Path},
 * {@link Secret}, enums (kebab case), nested records, {@code List<T>}, {@code Map<String, T>} and
 * {@code Optional<T>} of those.
 */
public final class RecordBinder {

    private RecordBinder() {
    }

    /**
     * @return the bound record, or empty when a problem was reported (they are in the reader's problems)
     */
    public static <R extends Record> Optional<R> bind(ConfigReader reader, Class<R> type) {
        Optional<R> defaults = defaultsOf(type);
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        boolean complete = true;
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String key = kebab(component.getName());
            Optional<ConfigValue> value = reader.value(key);
            if (value.isPresent()) {
                Optional<Object> bound = convert(value.get(), component.getGenericType());
                if (bound.isEmpty()) {
                    complete = false;
                    continue;
                }
                values[i] = bound.get();
            } else if (defaults.isPresent()) {
                values[i] = accessor(defaults.get(), component);
            } else if (component.getType() == Optional.class) {
                values[i] = Optional.empty();
            } else {
                reader.required(key);
                complete = false;
            }
        }
        reader.rejectUnknownKeys();
        if (!complete) {
            return Optional.empty();
        }
        try {
            Class<?>[] parameterTypes = java.util.Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            var constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            return Optional.of(constructor.newInstance(values));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ConfigRefusal refusal) {
                reportRefusal(reader, components, refusal);
            } else {
                reportRefusal(reader, components, String.valueOf(e.getCause().getMessage()));
            }
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot construct " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The record's own validation (compact constructor) refused the values. Records start their messages with
     * the key at fault ({@code "schedule: ..."}): point at that key's line when it is in the file, else at the
     * section's.
     */
    private static void reportRefusal(ConfigReader reader, RecordComponent[] components, String refusal) {
        // A nested record may name its key from its parent ("words.patterns: ..." in the section "words").
        String section = reader.path().substring(reader.path().lastIndexOf('.') + 1);
        String message = refusal.startsWith(section + ".") ? refusal.substring(section.length() + 1) : refusal;
        for (RecordComponent component : components) {
            String key = kebab(component.getName());
            if (message.startsWith(key + ": ") || message.startsWith(key + " ")) {
                Optional<ConfigValue> value = reader.value(key);
                if (value.isPresent()) {
                    String why = message.startsWith(key + ": ") ? message.substring(key.length() + 2) : message;
                    reader.problems().report(value.get().node(), value.get().path(), null, why);
                    return;
                }
            }
        }
        reader.problems().report(reader.location(), reader.path(), null, refusal);
    }

    /**
     * The record refused a value in words of its plugin's bundle: the same location as an English refusal (the key's
     * line when it is in the file, else the section's), the text worded late in the reader's language.
     */
    private static void reportRefusal(ConfigReader reader, RecordComponent[] components, ConfigRefusal refusal) {
        String section = reader.path().substring(reader.path().lastIndexOf('.') + 1);
        String key = refusal.key().startsWith(section + ".") ? refusal.key().substring(section.length() + 1)
                : refusal.key();
        for (RecordComponent component : components) {
            if (key.equals(kebab(component.getName()))) {
                Optional<ConfigValue> value = reader.value(key);
                if (value.isPresent()) {
                    reader.problems().report(value.get().node(), value.get().path(), null,
                            Phrase.of("config.problem.as-written", new RefusalText(refusal, false)));
                    return;
                }
            }
        }
        reader.problems().report(reader.location(), reader.path(), null,
                Phrase.of("config.problem.as-written", new RefusalText(refusal, true)));
    }

    /** The record's {@code defaults()} value, if it declares one. */
    public static <R> Optional<R> defaultsOf(Class<R> type) {
        try {
            Method method = type.getDeclaredMethod("defaults");
            if (Modifier.isStatic(method.getModifiers()) && type.isAssignableFrom(method.getReturnType())) {
                method.setAccessible(true);
                return Optional.of(type.cast(method.invoke(null)));
            }
            return Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("The defaults() of " + type.getName() + " failed: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<Object> convert(ConfigValue value, Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == Optional.class) {
                return value.isNull() ? Optional.of(Optional.empty()) : convert(value, arguments[0]).map(Optional::of);
            }
            if (raw == List.class) {
                Function<ConfigValue, Optional<Object>> item = element -> convert(element, arguments[0]);
                return value.asListOf(item).map(list -> (Object) List.copyOf(list));
            }
            if (raw == Map.class && arguments[0] == String.class) {
                return value.asSection().flatMap(section -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    boolean ok = true;
                    for (Map.Entry<String, ConfigValue> entry : section.entries().entrySet()) {
                        Optional<Object> converted = convert(entry.getValue(), arguments[1]);
                        ok &= converted.isPresent();
                        converted.ifPresent(v -> map.put(entry.getKey(), v));
                    }
                    return ok ? Optional.of((Object) java.util.Collections.unmodifiableMap(map)) : Optional.empty();
                });
            }
            throw new IllegalArgumentException("Unsupported configuration type " + type);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return value.asString().map(Object.class::cast);
        } else if (raw == int.class || raw == Integer.class) {
            return value.as(Phrase.of("config.expected.whole-number"), Integer::parseInt).map(Object.class::cast);
        } else if (raw == long.class || raw == Long.class) {
            return value.as(Phrase.of("config.expected.whole-number"), Long::parseLong).map(Object.class::cast);
        } else if (raw == double.class || raw == Double.class) {
            return value.as(Phrase.of("config.expected.number"), Double::parseDouble).map(Object.class::cast);
        } else if (raw == boolean.class || raw == Boolean.class) {
            return value.asBoolean().map(Object.class::cast);
        } else if (raw == Duration.class) {
            return value.asDuration().map(Object.class::cast);
        } else if (raw == LocalTime.class) {
            return value.as(Phrase.of("config.expected.time-of-day"), LocalTime::parse).map(Object.class::cast);
        } else if (raw == ZoneId.class) {
            return value.as(Phrase.of("config.expected.zone"), text -> {
                try {
                    return ZoneId.of(text);
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException(e);
                }
            }).map(Object.class::cast);
        } else if (raw == Path.class) {
            return value.asPath().map(Object.class::cast);
        } else if (raw == Secret.class) {
            return value.asSecret().map(Object.class::cast);
        } else if (raw.isEnum()) {
            return value.asEnum((Class<Enum>) raw).map(Object.class::cast);
        } else if (raw.isRecord()) {
            return value.asSection().flatMap(section -> bind(section, (Class<Record>) raw)).map(Object.class::cast);
        }
        throw new IllegalArgumentException("Unsupported configuration type " + type.getTypeName());
    }

    private static Object accessor(Object record, RecordComponent component) {
        try {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String kebab(String camelCase) {
        StringBuilder out = new StringBuilder(camelCase.length() + 4);
        for (char c : camelCase.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
