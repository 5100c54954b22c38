package org.majordome.api.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns a value into the text that is stored, and back. Codecs for a few JDK types are provided; a
 * plugin storing records writes its own (typically JSON) with {@link #of}.
 */
public interface ValueCodec<T> {

    ValueCodec<String> STRING = of(Function.identity(), Function.identity());
    ValueCodec<Long> LONG = of(String::valueOf, ValueCodec::parseLong);
    ValueCodec<Boolean> BOOLEAN = of(String::valueOf, ValueCodec::parseBoolean);
    /** ISO-8601 in UTC, as {@link Instant#toString()}. */
    ValueCodec<Instant> INSTANT = of(Instant::toString, Instant::parse);

    String encode(T value);

    T decode(String text);

    static <T> ValueCodec<T> of(Function<? super T, String> encoder, Function<String, ? extends T> decoder) {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(decoder, "decoder");
        return new ValueCodec<>() {
            @Override
            public String encode(T value) {
                return encoder.apply(Objects.requireNonNull(value, "value"));
            }

            @Override
            public T decode(String text) {
                return decoder.apply(text);
            }
        };
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new StorageException("not a whole number: '" + text + "'", e);
        }
    }

    private static boolean parseBoolean(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new StorageException("not a boolean: '" + text + "'");
        };
    }
}
