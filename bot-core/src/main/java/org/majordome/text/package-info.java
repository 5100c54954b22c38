/**
 * The runtime side of {@link org.majordome.api.text}: message bundles read from the class path (Java plugins,
 * the runtime's own {@code org/majordome/text/messages*.properties}) or next to a script, the language of each
 * room and of each user who declared one ({@code xml:lang} on their messages, RFC 6120 §8.1.5, recorded by the
 * room keeper's intake in {@link org.majordome.text.SenderLanguages}), the keepers' replacements
 * ({@code rooms[].texts}), and formatting with ICU4J.
 *
 * <p>Why ICU4J rather than the JDK's {@code MessageFormat}: plurals follow each language's CLDR rules
 * ({@code {0, plural, one {...} other {...}}}; French counts 0 as singular, English does not, Polish needs four
 * forms) where the JDK's {@code ChoiceFormat} makes every translator encode number ranges, which cannot express
 * most languages; and durations and lists in words come from CLDR for every language ({@code MeasureFormat},
 * {@code ListFormatter}), so that a third language is one more bundle file and no code.
 *
 * <p>What the runtime says outside plugins (ad-hoc commands, notices to administrators, the reasons it gives
 * inviters and voice requests, goodbyes, the web chat gateway's answers) comes from the runtime's bundle through
 * {@link org.majordome.text.TextService#runtimeWording}. What one part of the runtime hands another to show people
 * (what a reload changed) is a {@link org.majordome.text.Phrase}, a key and its arguments worded late, in the reader's
 * language (English for the log).
 *
 * <p>Uses {@code api}, and {@code dispatch} only for the {@link org.majordome.dispatch.PluginTexts} it implements.
 */
package org.majordome.text;
