package org.majordome.text;

import java.text.FieldPosition;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.MeasureFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.Measure;
import com.ibm.icu.util.MeasureUnit;
import com.ibm.icu.util.ULocale;
import org.majordome.api.DurationText;
import org.majordome.api.text.Wording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Wording}: a keeper's replacement first, then the plugin's bundle, then the runtime's (formats every
 * plugin shares, such as {@code format.moment}), each from the most specific language to English.
 */
final class BundleWording implements Wording {

    private static final Logger LOG = LoggerFactory.getLogger(BundleWording.class);
    /** The runtime's key for how a moment is written: a {@link DateTimeFormatter} pattern. */
    static final String MOMENT_FORMAT = "format.moment";

    private final Locale language;
    private final ZoneId zone;
    private final Map<String, String> overrides;
    private final Bundle own;
    private final Bundle shared;
    private final String pluginId;

    BundleWording(Locale language, ZoneId zone, Map<String, String> overrides, Bundle own, Bundle shared,
                  String pluginId) {
        this.language = language;
        this.zone = zone;
        this.overrides = overrides;
        this.own = own;
        this.shared = shared;
        this.pluginId = pluginId;
    }

    @Override
    public Locale language() {
        return language;
    }

    @Override
    public ZoneId timeZone() {
        return zone;
    }

    @Override
    public boolean has(String key) {
        return pattern(key).isPresent();
    }

    private Optional<String> pattern(String key) {
        String replaced = overrides.get(key);
        if (replaced != null) {
            return Optional.of(replaced);
        }
        return own.pattern(language, key).or(() -> shared.pattern(language, key));
    }

    @Override
    public String format(String key, Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = shown(args[i]);
        }
        return apply(key, formatter -> formatter.format(shown));
    }

    @Override
    public String format(String key, Map<String, ?> args) {
        Map<String, Object> shown = new LinkedHashMap<>();
        args.forEach((name, value) -> shown.put(name, shown(value)));
        return apply(key, formatter -> formatter.format(shown, new StringBuffer(), new FieldPosition(0)).toString());
    }

    private String apply(String key, java.util.function.Function<MessageFormat, String> formatting) {
        Optional<String> pattern = pattern(key);
        if (pattern.isEmpty()) {
            LOG.warn("plugin {}: no text '{}' in its bundle ({}) nor the runtime's", pluginId, key, own.name());
            return "[" + key + "]";
        }
        try {
            return formatting.apply(new MessageFormat(pattern.get(), ULocale.forLocale(language)));
        } catch (IllegalArgumentException invalid) {
            LOG.warn("plugin {}: text '{}' in {} is not a valid message pattern: {}", pluginId, key, language,
                    invalid.getMessage());
            return pattern.get();
        }
    }

    /** Moments and durations as people read them; everything else as ICU formats it. */
    private Object shown(Object value) {
        return switch (value) {
            case Instant instant -> moment(instant);
            case Duration duration -> duration(duration);
            case null -> "";
            default -> value;
        };
    }

    @Override
    public String moment(Instant instant) {
        String pattern = shared.pattern(language, MOMENT_FORMAT).orElse("uuuu-MM-dd HH:mm zzz");
        // A bare offset zone prints "Z" for UTC, which few people read as a zone.
        ZoneId shownZone = zone.equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
        return DateTimeFormatter.ofPattern(pattern, language).format(instant.atZone(shownZone));
    }

    @Override
    public String duration(Duration duration) {
        if (language.getLanguage().equals("en")) {
            return DurationText.words(duration); // the wording English answers have always had
        }
        Duration length = duration.abs();
        ULocale locale = ULocale.forLocale(language);
        MeasureFormat units = MeasureFormat.getInstance(locale, MeasureFormat.FormatWidth.WIDE);
        if (length.compareTo(Duration.ofSeconds(1)) < 0) {
            return units.format(new Measure(length.toMillis(), MeasureUnit.MILLISECOND));
        }
        long days = length.toDays();
        if (days > 0 && days % 7 == 0 && length.equals(Duration.ofDays(days))) {
            return units.format(new Measure(days / 7, MeasureUnit.WEEK));
        }
        List<String> parts = new ArrayList<>();
        addPart(parts, units, days, MeasureUnit.DAY);
        addPart(parts, units, length.toHoursPart(), MeasureUnit.HOUR);
        addPart(parts, units, length.toMinutesPart(), MeasureUnit.MINUTE);
        addPart(parts, units, length.toSecondsPart(), MeasureUnit.SECOND);
        return list(parts);
    }

    private static void addPart(List<String> parts, MeasureFormat units, long amount, MeasureUnit unit) {
        if (amount > 0) {
            parts.add(units.format(new Measure(amount, unit)));
        }
    }

    @Override
    public String list(List<String> items) {
        return ListFormatter.getInstance(ULocale.forLocale(language), ListFormatter.Type.AND, ListFormatter.Width.WIDE)
                .format(items);
    }
}
