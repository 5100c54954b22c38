/**
 * The bot's configuration: one YAML file read into typed, validated records.
 *
 * <p>Every problem in a file is collected and reported together (file, line, key, offending value)
 * before anything connects. Secrets are {@link org.majordome.config.Secret}s, whose text never reaches
 * a log or an error message.
 *
 * <p>{@link org.majordome.config.ConfigLoader} reads the file; {@code ConnectionReader} its {@code connection}
 * section, where the transport (TCP or BOSH) decides which keys may be set. {@code RoomsReader} reads the rooms, and
 * {@code RoomPeopleReader} each room's people ({@link org.majordome.config.RoomPeople}: affiliations and
 * moderators as code, a JID in one list only, the bot's own account among the owners or nowhere). {@link org.majordome.config.ConfigReader} and
 * {@link org.majordome.config.ConfigValue} do the reading; {@link org.majordome.config.RecordBinder} binds
 * each plugin's {@link org.majordome.config.PluginSection} to its config record with the same
 * file/line/key precision. Given the plugins the runtime finds ({@link org.majordome.config.KnownPlugins}),
 * the loader checks the file whole in one pass: plugin ids in rooms and under {@code plugins:}, and every
 * section bound to its record, whose own checks (cron expressions, patterns...) are reported at their key.
 * {@code check-config}, start and reload all read a file this way.
 *
 * <p>Warnings, found by {@code ConfigWarnings} in the same pass, name configuration that is valid but can never
 * apply: a plugin section of a plugin no room enables, or a room named in a plugin's section (under a key
 * {@code rooms}, as a mapping by room JID or a list of room JIDs) where that plugin is not enabled or that the
 * file does not keep. They are located like problems but do not make the file invalid:
 * {@code check-config} prints them, start and reload log them.
 */
package org.majordome.config;
