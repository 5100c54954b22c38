package org.majordome.config;

import org.majordome.api.text.ConfigRefusal;
import org.majordome.api.text.Wording;
import org.majordome.text.TextService;
import org.majordome.text.Worded;

/**
 * A plugin's config record's refusal, worded late in its reader's language from the bundle beside the record (the
 * plugin's own), so that {@code check-config} on a French file, or a French requester's reload, reads it in French.
 *
 * @param refusal the record's refusal
 * @param withKey whether the key is written before the text: when the problem could not be located at that key
 */
record RefusalText(ConfigRefusal refusal, boolean withKey) implements Worded {

    @Override
    public String in(Wording words) {
        Class<?> origin = refusal.origin();
        String owner = origin.getPackageName().substring(origin.getPackageName().lastIndexOf('.') + 1);
        Wording own = TextService.ownPluginWording(origin, owner, words.language(), words.timeZone());
        String text = own.format(refusal.textKey(), refusal.args().toArray());
        return withKey && !refusal.key().isEmpty() ? refusal.key() + ": " + text : text;
    }

    /** In English, for the log. */
    @Override
    public String toString() {
        return withKey ? refusal.getMessage() : refusal.getMessage().substring(refusal.key().length() + 2);
    }
}
