/**
 * Console sections: what a plugin shows in the operator console in the browser, as plain data. A plugin offers a
 * {@link org.majordome.api.console.ConsoleSection} ({@code PluginContext.consoleSections()}): a list of rows
 * with filters, the detail of one row, and actions on a row (e.g. the moderation plugin's cases and their undo).
 * The runtime renders them as pages (escaped, the plugin writes no HTML), and checks before every list, detail
 * and action that the operator may manage the row's room: a section never sees a request for a room the operator
 * may not manage, and rows of such rooms are dropped from a list whatever the section returns. Every action
 * names the operator ({@link org.majordome.api.console.ConsoleActionRequest#operator()}), for the plugin to record.
 * Every text a section gives is in the operator's language: the console passes it (the first language of the
 * browser's {@code Accept-Language} the bot speaks, else {@code runtime.language}) to
 * {@link org.majordome.api.console.ConsoleSection#title(java.util.Locale)}, {@code filters(Locale)},
 * {@code columns(Locale)}, {@code detail(room, row, Locale)}, and in {@link org.majordome.api.console.ConsoleQuery}
 * and {@link org.majordome.api.console.ConsoleActionRequest}; a plugin writes them with
 * {@code context.texts().inLanguage(language)}. A plugin's sections are withdrawn when it stops.
 */
package org.majordome.api.console;
