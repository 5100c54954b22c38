package org.majordome.text;

import org.majordome.api.text.Wording;

/**
 * Something to show people that is worded late, in its reader's language: a {@link Phrase}, or a text that is
 * written around words of the bundle (a configuration warning with its location). An argument of a phrase that is
 * worded is worded in the phrase's language.
 */
public interface Worded {

    /** The text in that wording's language. */
    String in(Wording words);
}
