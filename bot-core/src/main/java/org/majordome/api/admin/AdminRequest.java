package org.majordome.api.admin;

import java.util.Map;

/**
 * One run of an administration command.
 *
 * @param requester the administrator's bare JID (already authorized)
 * @param answers   the form's answers by field name; fields left empty are absent
 */
public record AdminRequest(String requester, Map<String, String> answers) {
    public AdminRequest {
        answers = Map.copyOf(answers);
    }

    /** The answer to a field, or the empty string when it was left empty. */
    public String answer(String fieldName) {
        return answers.getOrDefault(fieldName, "");
    }
}
