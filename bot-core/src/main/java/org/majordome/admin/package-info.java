/**
 * Operating the bot: health and Prometheus metrics over HTTP (loopback by default), and administration
 * commands for the bot's administrators as XEP-0050 ad-hoc commands (Psi, Gajim: "Execute command").
 *
 * <p>Smack 4.4.8's own {@code AdHocCommandManager} is not used to answer: it lists every command to
 * everybody (its disco#items provider does not know who asks) and its multi-stage path turns the
 * submitted form ({@code type='submit'}) into a {@code FillableForm}, which throws for anything but
 * {@code type='form'} (SMACK-933, fixed in 4.5), so no form could ever be completed. {@link
 * AdHocCommandResponder} answers XEP-0050 §3 (disco of the commands node, filtered per requester) and §4
 * (execution, sessions, forms, notes) itself with Smack's packet types.
 */
package org.majordome.admin;
