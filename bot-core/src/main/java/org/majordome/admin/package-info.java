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
 *
 * <p>Real clients submit forms in ways Smack on both ends never does (XEP-0004 §3.2 lets a submission leave
 * out field types; Poezio submits with {@code action='next'}). {@link AdminForms} gives every form a
 * {@code FORM_TYPE} registered with Smack and reads submissions against the form the bot sent; {@link
 * CommandRequestProvider} reads what Smack's parser would drop, so that every request gets an answer;
 * {@link CommandResponse} writes every field's type, which Smack leaves out for {@code text-single}.
 */
package org.majordome.admin;
