/**
 * Administration commands: what a plugin (or the runtime itself) offers the bot's administrators
 * besides room commands. The runtime publishes them as XEP-0050 ad-hoc commands, so that "Execute
 * command" in Psi, Gajim and other clients lists them; only the administrators named in the
 * configuration see them and may run them. A command may first ask for a small form (XEP-0004) and
 * answers with a text.
 */
package org.majordome.api.admin;
