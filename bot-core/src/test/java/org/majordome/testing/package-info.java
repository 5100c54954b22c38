/**
 * Test harness for integration tests against real XMPP servers: a throwaway Prosody or ejabberd per test class
 * ({@link org.majordome.testing.XmppServer}: {@link org.majordome.testing.ProsodyServer},
 * {@link org.majordome.testing.EjabberdServer}), one of them per class ({@link org.majordome.testing.ProsodyExtension},
 * {@link org.majordome.testing.EjabberdExtension}) or the whole class once per server kind
 * ({@link org.majordome.testing.EveryServerExtension} on a {@code @ClassTemplate} class), and real Smack clients
 * that register, log in, join rooms (XEP-0045 §7.2) and record what they receive
 * ({@link org.majordome.testing.TestClients}, {@link org.majordome.testing.XmppTestClient}). Room facts are read
 * the way any client sees them, through disco#info (XEP-0045 §6.4, XEP-0030).
 *
 * <p>For web pages, a real headless Chromium driven by Selenium ({@link org.majordome.testing.BrowserExtension},
 * {@link org.majordome.testing.Browser}): started and stopped like the servers, with nothing sent beyond loopback,
 * elements found by role and accessible name. {@link org.majordome.testing.TestKeystores} makes PKCS#12 keystores
 * for HTTPS tests.
 *
 * <p>Every server runs on 127.0.0.1 on free ports in a temporary directory and is stopped after its class, also
 * when a test fails; an ejabberd is a private Erlang node (no epmd, distribution on loopback, its own node name
 * and cookie). Shipped in bot-core's test-jar so every module tests against the same server setup. A missing
 * server (or browser) fails the tests instead of skipping them: a green build must mean the bot was tried on real
 * servers, and its pages in a real browser.
 */
package org.majordome.testing;
