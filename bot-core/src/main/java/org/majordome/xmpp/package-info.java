/**
 * The bot's one client-to-server connection (RFC 6120): TLS, SASL, keepalive (XEP-0199), stream
 * management with resumption (XEP-0198) and reconnection with backoff. Nothing else in the bot opens,
 * closes or reconnects the connection; other packages listen for {@link org.majordome.xmpp.XmppSession.Listener}
 * callbacks and send through it. {@link org.majordome.xmpp.SelfDescription} is how the bot presents itself to
 * other entities: its XEP-0030 identity ({@code client/bot}) and its XEP-0092 software version.
 */
package org.majordome.xmpp;
