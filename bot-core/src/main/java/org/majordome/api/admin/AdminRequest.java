package org.majordome.api.admin;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One run of an administration command.
 *
 * @param requester the administrator's bare JID (already authorized)
 * @param answers   the form's answers by field name; fields left empty are absent
 * @param language  the language to answer in: the one the administrator's client put on the request
 *                  ({@code xml:lang} of the command), else the one their messages declare, when the bot speaks
 *                  it, else the bot's ({@code runtime.language}); give it to
 *                  {@link org.majordome.api.text.Texts#inLanguage(Locale)}
 */
public record AdminRequest(String requester, Map<String, String> answers, Locale language) {
    public AdminRequest {
        answers = Map.copyOf(answers);
        Objects.requireNonNull(language, "language");
    }

    /** A request to be answered in English. */
    public AdminRequest(String requester, Map<String, String> answers) {
        this(requester, answers, Locale.ENGLISH);
    }

    /** The answer to a field, or the empty string when it was left empty. */
    public String answer(String fieldName) {
        return answers.getOrDefault(fieldName, "");
    }
}
