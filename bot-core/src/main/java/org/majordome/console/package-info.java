/**
 * The operator console: pages in the browser where room keepers look at their rooms, cases, sanctions, schedules
 * and scripts, and act on them. Served by the embedded HTTP server ({@code web}) under {@code /console} when
 * {@code web.console} is enabled ({@link org.majordome.console.ConsoleApp}).
 *
 * <p>Operators log in with their XMPP account, without a password: the login page asks for a JID and the bot sends
 * a one-time link (a 256-bit token kept only as its hash, valid for minutes, used once) by direct message from its
 * own account; the page answers the same whether or not that JID may log in. Opening the link shows a button whose
 * POST starts the session (a link preview cannot use the link up). The session cookie is HttpOnly,
 * SameSite=Strict, Secure under HTTPS, and expires. Links and sessions are kept in the bot's database
 * ({@code LoginRecords}, table {@code console_login}): they hold across a restart and on every instance of a cluster.
 * Requests for links are limited per client address and per JID (in each instance's memory).
 *
 * <p>Every POST is refused (403) unless its {@code Origin} is this server and its {@code csrf} field is the
 * session's token; only then does a {@link org.majordome.console.ConsolePage} see it. The
 * {@link org.majordome.console.Operator} is built afresh at every request (bot admins from the configuration in
 * force; room owners and admins from the rooms' declared and last-read affiliations), and pages check it for every
 * room they show or act on ({@link org.majordome.console.RoomAccess}). Every page is built from
 * {@link org.majordome.console.Html}, which escapes every string that does not come from the code; the one style
 * sheet is served from the class path, and there is no script at all.
 *
 * <p>Every page, the login and error pages included, is written in the operator's language
 * ({@link org.majordome.console.ConsoleRequest#language()}: the first language of the browser's
 * {@code Accept-Language} the bot speaks, else {@code runtime.language}), from the runtime's bundle ({@code console.*}
 * keys, {@link org.majordome.console.ConsoleRequest#words()}); a script's state in the scripts plugin's words; the
 * plugins' sections get the language through {@code api.console} and write their own words.
 *
 * <p>This package reads {@code config} (its settings, the configuration page), {@code room} (the rooms' read
 * model, {@link org.majordome.room.RoomView}) and {@code web}; the {@code app} package wires it.
 *
 * <p>Pages besides the Rooms and Configuration pages: {@link org.majordome.console.SectionsPage} renders the sections plugins
 * offer ({@code api.console}, kept in the {@link org.majordome.console.SectionCatalog}: the moderation plugin's
 * cases and pending sanctions, and scripts' sections), checking the operator's rooms for every list, detail and
 * action; a section that fails (a script's that threw or overran its limit) shows its failure in words in its own
 * part of the page;
 * {@link org.majordome.console.SchedulePage} lists every job ({@code schedule.SchedulerService#listing});
 * {@link org.majordome.console.PluginsPage} the plugins and scripts, with the scripts' reload, disable and enable;
 * {@link org.majordome.console.ActivityPage} charts the {@code activity} counters in inline SVG. They read the
 * {@code schedule}, {@code script}, {@code dispatch}, {@code activity} and {@code store} packages; the {@code app}
 * package wires them.
 */
package org.majordome.console;
