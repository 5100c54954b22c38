/**
 * Commands: text like {@code !kick spammer "flooding the room"} sent in a room, privately through a room
 * (XEP-0045 §7.5), or in a one-to-one chat.
 *
 * <p>A plugin declares commands with {@link org.majordome.api.command.Command} on methods, or registers
 * them at start through {@link org.majordome.api.command.CommandRegistry}. The runtime parses the
 * message, finds the command by name or alias (case-insensitive), checks the sender's
 * {@link org.majordome.api.command.Permission} and the argument count, and only then calls the handler:
 * handlers never check permissions themselves. {@code !help} is built in and lists only what the asker may
 * run.
 *
 * <p>Arguments are split on spaces; {@code "double"} or {@code 'single'} quotes keep spaces together and a
 * backslash escapes the next character.
 */
package org.majordome.api.command;
