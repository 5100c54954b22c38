/**
 * Test harness for integration tests against a real XMPP server: a throwaway Prosody per test class
 * ({@link org.majordome.testing.ProsodyServer}, {@link org.majordome.testing.ProsodyExtension}) and real
 * Smack clients that register, log in, join rooms (XEP-0045 §7.2) and record what they receive
 * ({@link org.majordome.testing.TestClients}, {@link org.majordome.testing.XmppTestClient}). Room facts
 * are read the way any client sees them, through disco#info (XEP-0045 §6.4, XEP-0030).
 *
 * <p>Shipped in bot-core's test-jar so every module tests against the same server setup. A missing
 * Prosody fails the tests instead of skipping them: a green build must mean the bot was tried on a
 * real server.
 */
package org.majordome.testing;
