package org.majordome.api.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import org.majordome.api.DurationText;

/**
 * A configuration record refusing a value, in words its reader can read: thrown from a plugin's config record
 * (its compact constructor) instead of an {@link IllegalArgumentException} with an English sentence, it names the
 * key at fault and a text of the plugin's own bundle with its arguments. {@code check-config}, a reload and the
 * console then say the problem in their reader's language, at that key's line of the file.
 *
 * <p>The text is one of the bundle of the class that creates the refusal: {@code messages*.properties} in its
 * package, read through its class loader, the same bundle as the plugin's {@link Texts} when the record sits
 * beside the plugin class. Its arguments are positional ({@code {0}}); a {@link Duration} is written in words.
 * The text is what is wrong with the value, written to follow the key and a colon
 * ({@code "must be 1 or more, was {0}"}).
 *
 * <p>{@link #getMessage()} stays an English sentence ({@code "tries: must be 1 or more, was 0"}), from the
 * bundle's English file, for logs and for code that reads it; a plain {@code IllegalArgumentException} whose
 * message starts with the key is still understood, in English only.
 */
public class ConfigRefusal extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final String key;
    private final String textKey;
    private final transient List<Object> args;
    private final transient Class<?> origin;

    /**
     * @param key     the key at fault, relative to the plugin's section ({@code tries}, {@code appeals.per})
     * @param textKey the text's key in the bundle beside the calling class
     * @param args    the text's arguments
     */
    public ConfigRefusal(String key, String textKey, Object... args) {
        this(WALKER.getCallerClass(), key, textKey, Arrays.asList(args), null);
    }

    /**
     * A refusal whose cause is another exception (a pattern that does not compile).
     *
     * @param key     the key at fault, relative to the plugin's section
     * @param cause   why the value was refused
     * @param textKey the text's key in the bundle beside the calling class
     * @param args    the text's arguments
     */
    public ConfigRefusal(String key, Throwable cause, String textKey, Object... args) {
        this(WALKER.getCallerClass(), key, textKey, Arrays.asList(args), cause);
    }

    private ConfigRefusal(Class<?> origin, String key, String textKey, List<Object> args, Throwable cause) {
        super(cause);
        this.origin = Objects.requireNonNull(origin, "origin");
        this.key = Objects.requireNonNull(key, "key");
        this.textKey = Objects.requireNonNull(textKey, "textKey");
        this.args = args.stream().map(arg -> arg == null ? "" : arg).toList();
    }

    /** The key at fault, relative to the plugin's section; empty for the section as a whole. */
    public String key() {
        return key;
    }

    /** The text's key in the bundle. */
    public String textKey() {
        return textKey;
    }

    /** The text's arguments. */
    public List<Object> args() {
        return args;
    }

    /** The class whose package holds the bundle of the text: the one that created this refusal. */
    public Class<?> origin() {
        return origin;
    }

    /**
     * The same refusal for a key under another: a record checked again for one room reports the room's key
     * ({@code within("rooms.help@conference.example.org")} makes {@code tries} {@code rooms.help@...tries}).
     */
    public ConfigRefusal within(String parentKey) {
        ConfigRefusal moved = new ConfigRefusal(origin, key.isEmpty() ? parentKey : parentKey + "." + key, textKey,
                args, getCause());
        moved.setStackTrace(getStackTrace());
        return moved;
    }

    /** The key, a colon and the text in English (the bundle's default file), or the text's key if it has none. */
    @Override
    public String getMessage() {
        String text = english().orElseGet(() -> textKey + " " + args);
        return key.isEmpty() ? text : key + ": " + text;
    }

    private Optional<String> english() {
        String resource = origin.getPackageName().replace('.', '/') + "/messages.properties";
        ClassLoader loader = origin.getClassLoader() == null ? ClassLoader.getSystemClassLoader()
                : origin.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties texts = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                texts.load(reader);
            }
            String pattern = texts.getProperty(textKey);
            if (pattern == null) {
                return Optional.empty();
            }
            Object[] shown = args.stream().map(arg -> arg instanceof Duration duration ? DurationText.words(duration)
                    : arg).toArray();
            return Optional.of(new MessageFormat(pattern, Locale.ENGLISH).format(shown));
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
