/**
 * The test kit for plugin authors: unit tests of a plugin over scripted rooms, run by the real runtime.
 *
 * <p>{@link org.majordome.testkit.PluginTestKit} loads plugins through the same registry, lifecycle,
 * dispatcher and command stage as the bot (permission checks, argument counts, {@code !help}, rate limits
 * included), but on the test's thread, so a test needs neither sleeps nor polling. A
 * {@link org.majordome.testkit.TestRoom} plays a cooperative XEP-0045 room: the test makes occupants join,
 * speak and leave, then reads what the bot said and did as {@link org.majordome.testkit.RoomAction} records;
 * it can make the room refuse an action or lack a feature (XEP-0425 moderation, XEP-0359 stanza ids, XEP-0421
 * occupant ids) to test a plugin's fallbacks, check what the plugin had stored when an action left
 * ({@code onAttempt}, with the kit's {@code storage} and {@code scheduler} of a plugin), or change its
 * affiliation list as a server would. {@link org.majordome.testkit.TestDirectChat} covers one-to-one chats and
 * {@link org.majordome.testkit.TestClock} time.
 *
 * <p>Shipped as bot-core's {@code test-jar}: depend on {@code org.majordome:bot-core} with
 * {@code <type>test-jar</type>} and {@code <scope>test</scope>}.
 */
package org.majordome.testkit;
