/**
 * Operating the bot: health and Prometheus metrics over HTTP (loopback by default), and administration
 * commands for the bot's administrators as XEP-0050 ad-hoc commands (Psi, Gajim: "Execute command"). For an
 * instance of a cluster, all three say which rooms it holds, and {@code status} and {@code /health/cluster} list the
 * cluster ({@code ClusterStatusText}, from the {@code cluster} package's view).
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
 *
 * <p>Every command speaks the requester's language: the {@code xml:lang} of the {@code <command/>} (read by
 * {@link CommandRequestProvider}; Smack 4.4.8 keeps none of an {@code <iq/>}'s), else the language the
 * administrator's messages to the bot declare (their client stamps its language on what it sends), when the bot
 * speaks it, else {@code runtime.language}. The runtime's words are in its bundle
 * ({@code admin.*} keys of {@code org/majordome/text/messages*.properties}).
 */
package org.majordome.admin;
