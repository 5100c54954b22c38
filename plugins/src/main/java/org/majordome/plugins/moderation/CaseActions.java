package org.majordome.plugins.moderation;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.majordome.api.text.Wording;

/**
 * The action a case records, as people read it. Cases store a stable English code ({@code remove+mute 10m},
 * {@code refused: ban}, {@code mute 10m (pending)}): it is what {@code !cases} has always shown in English, what
 * other tools may read, and it must not change with the language of whoever looks. In another language the code is
 * translated when it is shown (the plugin's {@code case.action.*} texts), durations in words; a code this class does
 * not know (an older or a hand-written one) is shown as it is.
 */
final class CaseActions {

    private static final Pattern CODE = Pattern.compile(
            "(?:(would have|unconfirmed|refused|not carried out): )?"
                    + "([a-z-]+(?: [0-9.hms]+)?(?:\\+[a-z-]+(?: [0-9.hms]+)?)*)"
                    + "(?: \\((pending|confirmed by the room's lists|it never reached the server)\\))?");
    private static final Set<String> ACTIONS = Set.of("warn", "remove", "mute", "kick", "ban", "unmute", "unban",
            "pardon", "nothing", "blocklist-exempt");
    private static final Map<String, String> PREFIXES = Map.of("would have", "would-have", "unconfirmed",
            "unconfirmed", "refused", "refused", "not carried out", "not-carried-out");
    private static final Map<String, String> SUFFIXES = Map.of("pending", "pending",
            "confirmed by the room's lists", "confirmed", "it never reached the server", "never-reached");

    private CaseActions() {
    }

    /** The stored code in the wording's language: as stored in English, translated in any other. */
    static String shown(Wording wording, String code) {
        if (wording.language().getLanguage().equals("en")) {
            return code;
        }
        Matcher parts = CODE.matcher(code);
        if (!parts.matches()) {
            return code;
        }
        List<String> steps = new ArrayList<>();
        for (String step : parts.group(2).split("\\+")) {
            String[] words = step.split(" ", 2);
            if (!ACTIONS.contains(words[0])) {
                return code;
            }
            if (words.length == 1) {
                steps.add(wording.format("case.action." + words[0]));
                continue;
            }
            Duration duration;
            try {
                duration = Duration.parse("PT" + words[1].toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException notADuration) {
                return code;
            }
            String key = "case.action." + words[0] + ".for";
            if (!wording.has(key)) {
                return code;
            }
            steps.add(wording.format(key, wording.duration(duration)));
        }
        String shown = String.join(" + ", steps);
        if (parts.group(1) != null) {
            shown = wording.format("case.action.prefix." + PREFIXES.get(parts.group(1)), shown);
        }
        if (parts.group(3) != null) {
            shown = wording.format("case.action.suffix." + SUFFIXES.get(parts.group(3)), shown);
        }
        return shown;
    }
}
