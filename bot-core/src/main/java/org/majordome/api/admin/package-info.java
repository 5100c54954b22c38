/**
 * Administration commands: what a plugin (or the runtime itself) offers the bot's administrators
 * besides room commands. The runtime publishes them as XEP-0050 ad-hoc commands, so that "Execute
 * command" in Psi, Gajim and other clients lists them; only the administrators named in the
 * configuration see them and may run them. A command may first ask for a small form (XEP-0004) and
 * answers with a text.
 *
 * <p>Languages: the runtime asks each command for its name, form and instructions in the requester's language
 * ({@link org.majordome.api.admin.AdminCommand#name(java.util.Locale)}...) and hands that language to
 * {@link org.majordome.api.admin.AdminCommand#run} in {@link org.majordome.api.admin.AdminRequest#language()}: the
 * {@code xml:lang} the administrator's client put on the request, else the language their messages declare, when
 * the bot speaks it, else the bot's {@code runtime.language}. A plugin writes them with {@code context.texts().inLanguage(language)}.
 */
package org.majordome.api.admin;
