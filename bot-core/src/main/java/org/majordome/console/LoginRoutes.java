package org.majordome.console;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.majordome.api.room.DirectChat;
import org.majordome.api.text.Wording;
import org.majordome.web.WebContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging in without a password: {@code /login} asks for a JID and, when that JID may use the console, the bot
 * sends it a one-time link by direct XMPP message; the answer is the same whether or not it may, or exists.
 * {@code /login/<token>} shows a button (a GET changes nothing, so a chat client's link preview cannot log anyone
 * in or use the link up) whose POST starts the session. Requests are limited per client address and per JID.
 */
final class LoginRoutes {

    private static final Logger log = LoggerFactory.getLogger(LoginRoutes.class);

    /** Stands for the JID in the confirm sentence, to split it around: no language writes it. */
    private static final String MARK = "\u0001";

    private final String prefix;
    private final Layout layout;
    private final Logins logins;
    private final DirectChat chat;
    private final Supplier<Wording> wording;
    private final WebContext context;
    private final Optional<URI> publicUrl;

    /** @param wording the runtime's texts in the bot's language now ({@code runtime.language}) */
    LoginRoutes(String prefix, Layout layout, Logins logins, DirectChat chat, Supplier<Wording> wording,
                WebContext context, Optional<URI> publicUrl) {
        this.prefix = prefix;
        this.layout = layout;
        this.logins = logins;
        this.chat = chat;
        this.wording = wording;
        this.context = context;
        this.publicUrl = publicUrl;
    }

    /**
     * @param rest     the path after the prefix: {@code /login} or {@code /login/<token>}
     * @param language the browser's language as the console chooses it, for the pages (not for the link's message)
     */
    void handle(String rest, Request request, Response response, Callback callback, Locale language) {
        Wording words = ConsoleRequest.words(language);
        boolean post = HttpMethod.POST.is(request.getMethod());
        if (post && !context.sameOrigin(request)) {
            deny(response, callback, words, HttpStatus.FORBIDDEN_403, "console.login.foreign-site");
            return;
        }
        if (rest.equals("/login")) {
            if (post) {
                requestLink(request, response, callback, words);
            } else {
                ConsoleHttp.page(response, callback, HttpStatus.OK_200, loginPage(words,
                        ConsoleHttp.first(ConsoleHttp.query(request), "sent").isPresent()));
            }
            return;
        }
        String token = rest.substring("/login/".length());
        if (post) {
            redeem(token, request, response, callback, words);
        } else {
            confirm(token, response, callback, words);
        }
    }

    private void requestLink(Request request, Response response, Callback callback, Wording words) {
        String address = context.clientAddress(request).getHostAddress();
        if (!logins.allowRequestFrom(address)) {
            deny(response, callback, words, HttpStatus.TOO_MANY_REQUESTS_429, "console.login.too-many-requests");
            return;
        }
        Optional<String> jid = ConsoleHttp.first(ConsoleHttp.form(request), "jid").flatMap(Operators::bareJid);
        jid.flatMap(logins::issueLink).ifPresent(token -> send(jid.get(), link(request, token)));
        ConsoleHttp.seeOther(request, response, callback, prefix + "/login?sent=1");
    }

    private void send(String jid, String link) {
        String text = linkMessage(wording.get(), logins.linkMinutes(), link);
        chat.send(jid, text).whenComplete((result, failure) -> {
            if (failure != null || !result.succeeded()) {
                log.warn("Console: the login link to {} could not be sent: {}", jid, failure != null ? failure : result);
            } else {
                log.info("Console: login link sent to {}", jid);
            }
        });
    }

    /**
     * The direct message carrying the link, in the bot's language: who asks for a link is not known to the bot yet
     * (no room, no message of theirs declared a language), so the bot-wide default is the only fair guess.
     */
    static String linkMessage(Wording wording, long minutes, String link) {
        return wording.format("console.login-link", minutes, link);
    }

    /**
     * The link's address: under the public URL when there is one, else the address and port the request reached
     * on this machine. Never the request's {@code Host}, which whoever asks for a link for someone else could set
     * to their own site and so receive the victim's click.
     */
    private String link(Request request, String token) {
        String path = prefix + "/login/" + token;
        if (publicUrl.isPresent()) {
            URI base = publicUrl.get();
            String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
            return base.getScheme() + "://" + base.getRawAuthority() + basePath + path;
        }
        String host = Request.getLocalAddr(request);
        return (context.secure(request) ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host)
                + ":" + Request.getLocalPort(request) + path;
    }

    private void confirm(String token, Response response, Callback callback, Wording words) {
        Optional<String> jid = logins.peek(token);
        if (jid.isEmpty()) {
            invalidLink(response, callback, words);
            return;
        }
        ConsoleHttp.page(response, callback, HttpStatus.OK_200, confirmPage(layout, words, jid.get(),
                prefix + "/login/" + token));
    }

    /** The page behind a login link: a button whose POST logs {@code jid} in. */
    static Html confirmPage(Layout layout, Wording words, String jid, String action) {
        // The JID is set in bold inside the sentence, wherever the language puts it: split around its placeholder.
        String[] around = words.format("console.login.confirm", MARK).split(MARK, 2);
        return layout.bare(words.language(), words.format("console.login.title"), Html.format(
                "<p>{}<strong>{}</strong>{}</p><form method=\"post\" action=\"{}\"><button type=\"submit\">{}</button>"
                        + "</form>", around[0], jid, around.length > 1 ? around[1] : "", action,
                words.format("console.login.button")));
    }

    private void redeem(String token, Request request, Response response, Callback callback, Wording words) {
        String address = context.clientAddress(request).getHostAddress();
        if (!logins.allowRedeemFrom(address)) {
            deny(response, callback, words, HttpStatus.TOO_MANY_REQUESTS_429, "console.login.too-many-attempts");
            return;
        }
        Optional<Sessions.Started> started = logins.redeem(token);
        if (started.isEmpty()) {
            invalidLink(response, callback, words);
            return;
        }
        log.info("Console: {} logged in from {}", started.get().session().jid(), address);
        ConsoleHttp.setSessionCookie(response, prefix, started.get().cookie(), logins.sessionLifetime(),
                context.secure(request));
        ConsoleHttp.seeOther(request, response, callback, prefix + "/");
    }

    private void invalidLink(Response response, Callback callback, Wording words) {
        deny(response, callback, words, HttpStatus.BAD_REQUEST_400, Html.format("<p>{}</p><p><a href=\"{}\">{}</a></p>",
                words.format("console.login.invalid"), prefix + "/login", words.format("console.login.ask-again")));
    }

    private void deny(Response response, Callback callback, Wording words, int status, String messageKey) {
        deny(response, callback, words, status, Html.format("<p>{}</p>", words.format(messageKey)));
    }

    private void deny(Response response, Callback callback, Wording words, int status, Html content) {
        ConsoleHttp.page(response, callback, status, layout.bare(words.language(), statusHeading(words, status),
                content));
    }

    /** An error page's heading: the status's name in the operator's language, else as HTTP writes it. */
    static String statusHeading(Wording words, int status) {
        String key = "console.status." + status;
        return words.has(key) ? words.format(key) : HttpStatus.getMessage(status);
    }

    /** What every login request is answered, whoever asked for whichever address. */
    static String sent(Wording words, long minutes) {
        return words.format("console.login.sent", minutes);
    }

    private Html loginPage(Wording words, boolean sent) {
        return loginPage(layout, prefix, words, sent ? OptionalLong.of(logins.linkMinutes())
                : OptionalLong.empty());
    }

    /** The form asking for a JID; with {@code sentMinutes}, after it was sent, the same answer for everyone. */
    static Html loginPage(Layout layout, String prefix, Wording words, OptionalLong sentMinutes) {
        Html answer = sentMinutes.isPresent()
                ? Html.format("<p role=\"status\">{}</p>", sent(words, sentMinutes.getAsLong())) : Html.empty();
        return layout.bare(words.language(), words.format("console.login.title"), Html.format("{}<p>{}</p>"
                + "<form method=\"post\" action=\"{}\"><label for=\"jid\">{}</label> "
                + "<input id=\"jid\" name=\"jid\" type=\"text\" autocomplete=\"username\" spellcheck=\"false\" "
                + "required> <button type=\"submit\">{}</button></form>", answer, words.format("console.login.intro"),
                prefix + "/login", words.format("console.login.address"), words.format("console.login.send")));
    }
}
