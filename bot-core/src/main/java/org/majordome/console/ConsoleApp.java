package org.majordome.console;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;


import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.room.DirectChat;
import org.majordome.api.text.Wording;
import org.majordome.config.ConsoleSettings;
import org.majordome.room.RoomView;
import org.majordome.web.WebApp;
import org.majordome.web.WebContext;

/**
 * The operator console, served under {@code /console} by the embedded server when {@code web.console} is enabled:
 * every {@link ConsolePage} bean inside one layout, a login by one-time link sent over XMPP, sessions in memory,
 * CSRF tokens and origin checks on every POST (see {@link ConsoleRoutes}).
 */
public final class ConsoleApp implements WebApp {

    public static final String PREFIX = "/console";

    private final Layout layout;
    private final Logins logins;
    private final DirectChat chat;
    private final Supplier<Wording> wording;
    private final Optional<URI> publicUrl;
    private final Locale language;

    /**
     * @param settings  the {@code web.console} settings
     * @param botName   shown in every page's header
     * @param pages     every page (in any order: the navigation follows {@link ConsolePage#order()}); at least one
     * @param admins    the bot admins of the configuration in force (read at every request)
     * @param rooms     the kept rooms now: who owns and administers each (read at every request)
     * @param chat      how the bot sends the login link (its own account's direct messages)
     * @param wording   the runtime's texts in the bot's language now, for the login link's message
     * @param publicUrl the server's public URL, if configured: the links are made from it
     */
    public ConsoleApp(ConsoleSettings settings, String botName, List<ConsolePage> pages,
                      Supplier<Set<EntityBareJid>> admins, Supplier<List<RoomView>> rooms,
                      DirectChat chat, Supplier<Wording> wording, Optional<URI> publicUrl, Clock clock) {
        this(settings, botName, pages, admins, rooms, chat, wording, publicUrl, clock, Locale.ENGLISH,
                LoginStore.inMemory());
    }

    /**
     * The same, with the bot's language ({@code runtime.language}): the console's when the operator's browser asks for
     * no language the bot speaks; and where login links and sessions are kept (the bot's database, so that they hold
     * across restarts and instances).
     */
    public ConsoleApp(ConsoleSettings settings, String botName, List<ConsolePage> pages,
                      Supplier<Set<EntityBareJid>> admins, Supplier<List<RoomView>> rooms,
                      DirectChat chat, Supplier<Wording> wording, Optional<URI> publicUrl, Clock clock,
                      Locale language, LoginStore logins) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("the console needs at least one page");
        }
        this.layout = new Layout(PREFIX, botName, pages);
        this.language = language;
        this.logins = new Logins(settings, new Operators(admins, rooms), new Tokens(new SecureRandom()), clock,
                logins);
        this.chat = chat;
        this.wording = wording;
        this.publicUrl = publicUrl;
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public Handler handler(Server server, WebContext context) {
        return new ConsoleRoutes(PREFIX, layout, logins, new LoginRoutes(PREFIX, layout, logins, chat, wording, context,
                publicUrl), context, language);
    }
}
