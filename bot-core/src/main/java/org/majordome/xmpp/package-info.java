/**
 * The bot's one client-to-server connection (RFC 6120): TLS, SASL, keepalive (XEP-0199), stream
 * management with resumption (XEP-0198) and reconnection with backoff, over TCP or over HTTP binding
 * (BOSH, XEP-0124 and XEP-0206; no stream management there, so a cut always means a new session).
 * Nothing else in the bot opens, closes or reconnects the connection; other packages listen for
 * {@link org.majordome.xmpp.XmppSession.Listener} callbacks and send through it.
 * {@link org.majordome.xmpp.SelfDescription} is how the bot presents itself to other entities: its XEP-0030
 * identity ({@code client/bot}) and its XEP-0092 software version. {@link org.majordome.xmpp.GuestConnections} opens
 * the short-lived extra sessions of the web chat's visitors with the bot's connection settings (never reconnected,
 * resumed or pinged); they are the only other Smack connections the bot makes.
 */
package org.majordome.xmpp;
