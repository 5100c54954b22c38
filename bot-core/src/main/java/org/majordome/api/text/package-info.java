/**
 * What the bot says, in the language of the people it says it to: every plugin ships message bundles (one
 * {@code .properties} file per language, ICU {@code MessageFormat} patterns), and its
 * {@link org.majordome.api.PluginContext#texts() context's texts} format a message for a room, for the
 * answer to a command, or for one user, with dates, durations and numbers written the way that language
 * writes them and times in the room's zone.
 *
 * <p>Where a bundle is: for a Java plugin, {@code messages.properties} (English, the fallback for every language)
 * and {@code messages_<language>.properties} (e.g. {@code messages_fr.properties}) in the plugin class's
 * package, read through the plugin's class loader; for a script {@code name.js}, {@code name.properties} and
 * {@code name_fr.properties} next to it. Files are UTF-8. A third language is one more file per bundle; no code
 * changes.
 *
 * <p>Which language: in a room, the room's ({@code rooms[].language}, else {@code runtime.language}, else
 * English); a private answer or a direct message follows the language the user's client declares on its
 * messages ({@code xml:lang}, RFC 6120 §8.1.5) when it declares one, else the room's or the bot's. Keepers may
 * replace any text of a room ({@code rooms[].texts.<plugin>.<key>}); such a text is used when the bot speaks the
 * room's language.
 *
 * <p>A plugin's config record refuses a value with a {@link org.majordome.api.text.ConfigRefusal}: the key at
 * fault and a text of its bundle, which {@code check-config}, a reload and the console word in their reader's
 * language.
 */
package org.majordome.api.text;
