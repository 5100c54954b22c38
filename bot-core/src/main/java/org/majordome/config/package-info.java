/**
 * The bot's configuration: one YAML file read into typed, validated records.
 *
 * <p>Every problem in a file is collected and reported together (file, line, key, offending value)
 * before anything connects. Secrets are {@link org.majordome.config.Secret}s, whose text never reaches
 * a log or an error message.
 *
 * <p>{@link org.majordome.config.ConfigLoader} reads the file. {@link org.majordome.config.ConfigReader} and
 * {@link org.majordome.config.ConfigValue} do the reading; {@link org.majordome.config.RecordBinder} binds
 * each plugin's {@link org.majordome.config.PluginSection} to its config record with the same
 * file/line/key precision.
 */
package org.majordome.config;
