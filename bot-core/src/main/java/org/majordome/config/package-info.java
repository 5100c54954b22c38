/**
 * The bot's configuration: one YAML file read into typed, validated records.
 *
 * <p>Every problem in a file is collected and reported together (file, line, key, offending value)
 * before anything connects. Secrets are {@link org.majordome.config.Secret}s, whose text never reaches
 * a log or an error message.
 */
package org.majordome.config;
