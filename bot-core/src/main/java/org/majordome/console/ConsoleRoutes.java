package org.majordome.console;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.majordome.web.WebContext;
import org.majordome.webchat.PageTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything under {@code /console}: the style sheet, the login routes ({@link LoginRoutes}), logout, and every
 * {@link ConsolePage} at {@code /console/<path>/<subPath>}. A page is served only to a live session whose JID may
 * still use the console (the {@link Operator} is built afresh for each request); a POST is handed to the page only
 * when its {@code Origin} is this server and its {@code csrf} field is the session's token (403 otherwise). A
 * {@link ConsoleDenied} becomes its status with its message as text.
 */
final class ConsoleRoutes extends Handler.Abstract {

    private static final Logger log = LoggerFactory.getLogger(ConsoleRoutes.class);
    static final String ASSETS = "org/majordome/console/assets";
    private static final String REFERRER_POLICY = "Referrer-Policy";
    private static final Pattern PAGE_PATH = Pattern.compile("/([a-z0-9-]+)(?:/(.*))?");
    /** Where an action may send the browser: a path under the console, never another site. */
    private static final Pattern REDIRECT = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@%-][A-Za-z0-9._~!$&'()*+,;=:@%/?-]*");

    private final String prefix;
    private final Layout layout;
    private final Logins logins;
    private final LoginRoutes login;
    private final WebContext context;
    private final Handler files;
    private final Locale language;

    ConsoleRoutes(String prefix, Layout layout, Logins logins, LoginRoutes login, WebContext context) {
        this(prefix, layout, logins, login, context, Locale.ENGLISH);
    }

    /** @param language the bot's language, the console's when the browser asks for none the bot speaks */
    ConsoleRoutes(String prefix, Layout layout, Logins logins, LoginRoutes login, WebContext context, Locale language) {
        this.language = language;
        this.prefix = prefix;
        this.layout = layout;
        this.logins = logins;
        this.login = login;
        this.context = context;
        this.files = context.classpathFiles(ASSETS);
        addBean(files);
    }

    @Override
    public void setServer(Server server) {
        super.setServer(server);
        files.setServer(server);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // The server's no-referrer makes browsers send "Origin: null" with a form's POST (Fetch, "serializing a
        // request origin"), which the origin check must refuse; same-origin keeps every referrer inside the console
        // and gives its own forms their real Origin.
        response.getHeaders().put(REFERRER_POLICY, "same-origin");
        String rest = Request.getPathInContext(request);
        String method = request.getMethod();
        boolean post = HttpMethod.POST.is(method);
        if (!post && !HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        if (rest.startsWith("/assets/")) {
            return files.handle(request, response, callback);
        }
        if (rest.equals("/login") || rest.startsWith("/login/")) {
            response.getHeaders().put(HttpHeader.VARY, "Accept-Language");
            login.handle(rest, request, response, callback, language(request));
            return true;
        }
        Optional<String> cookie = ConsoleHttp.sessionCookie(request);
        Optional<Sessions.Session> session = cookie.flatMap(logins.sessions()::find);
        Optional<Operator> operator = session.flatMap(found -> logins.operators().of(found.jid()));
        if (operator.isEmpty()) {
            // No session, an expired one, or someone whose rights went away: back to the login page.
            cookie.ifPresent(logins.sessions()::end);
            if (post) {
                refuse(request, response, callback, HttpStatus.FORBIDDEN_403, "console.error.logged-out");
            } else {
                ConsoleHttp.seeOther(request, response, callback, prefix + "/login");
            }
            return true;
        }
        if (post && !csrfPassed(request, session.get())) {
            log.warn("Console: a POST to {} for {} refused: not from this server's pages", rest, operator.get().jid());
            refuse(request, response, callback, HttpStatus.FORBIDDEN_403, "console.error.foreign-form");
            return true;
        }
        if (rest.equals("/logout") && post) {
            logins.sessions().end(cookie.get());
            log.info("Console: {} logged out", operator.get().jid());
            ConsoleHttp.clearSessionCookie(response, prefix, context.secure(request));
            ConsoleHttp.seeOther(request, response, callback, prefix + "/login");
            return true;
        }
        if (rest.isEmpty() || rest.equals("/")) {
            ConsoleHttp.seeOther(request, response, callback, prefix + "/" + layout.pages().getFirst().path());
            return true;
        }
        servePage(rest, post, request, response, callback, operator.get(), session.get());
        return true;
    }

    /** The form's token is the session's and the request comes from this server's own pages. */
    private boolean csrfPassed(Request request, Sessions.Session session) {
        if (!context.sameOrigin(request)) {
            return false;
        }
        Map<String, List<String>> form = ConsoleHttp.form(request);
        FormFieldsCache.keep(request, form);
        return Csrf.passes(true, ConsoleHttp.first(form, "csrf"), session.csrf());
    }

    private void servePage(String rest, boolean post, Request request, Response response, Callback callback,
                           Operator operator, Sessions.Session session) {
        var matcher = PAGE_PATH.matcher(rest);
        Optional<ConsolePage> page = matcher.matches() ? layout.pages().stream()
                .filter(candidate -> candidate.path().equals(matcher.group(1))).findFirst() : Optional.empty();
        if (page.isEmpty()) {
            ConsoleRequest bare = new ConsoleRequest(operator, "", Map.of(), session.csrf(), language(request));
            error(response, callback, bare, new ConsoleDenied(404, bare.text("console.error.no-page")));
            return;
        }
        String subPath = matcher.group(2) == null ? "" : matcher.group(2);
        Map<String, List<String>> params = post ? FormFieldsCache.take(request) : ConsoleHttp.query(request);
        Locale asked = language(request);
        response.getHeaders().put(HttpHeader.VARY, "Accept-Language");
        ConsoleRequest consoleRequest = new ConsoleRequest(operator, subPath, params, session.csrf(), asked);
        try {
            if (post) {
                String next = page.get().post(consoleRequest);
                log.info("Console: {} acted on {}{} ({})", operator.jid(), page.get().path(),
                        subPath.isEmpty() ? "" : "/" + subPath, String.join(", ", params.keySet().stream()
                                .filter(name -> !name.equals("csrf")).toList()));
                if (!REDIRECT.matcher(next).matches()) {
                    throw new IllegalStateException("page " + page.get().path() + " redirects outside the console: "
                            + next);
                }
                ConsoleHttp.seeOther(request, response, callback, prefix + "/" + next);
            } else {
                Html content = page.get().get(consoleRequest);
                ConsoleHttp.page(response, callback, HttpStatus.OK_200,
                        layout.page(consoleRequest, page.get(), layout.title(page.get(), asked), content));
            }
        } catch (ConsoleDenied denied) {
            if (denied.status() == 403) {
                log.info("Console: {} refused {} {} ({})", operator.jid(), request.getMethod(), rest,
                        denied.getMessage());
            }
            error(response, callback, consoleRequest, denied);
        } catch (RuntimeException bug) {
            log.error("Console: page {} failed on {} {}", page.get().path(), request.getMethod(), rest, bug);
            error(response, callback, consoleRequest, new ConsoleDenied(500,
                    consoleRequest.text("console.error.bug")));
        }
    }

    /** The operator's language: the first of the browser's the bot speaks, else the bot's. */
    private Locale language(Request request) {
        return language(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE), language);
    }

    /** The first language of {@code acceptLanguage} the bot speaks, else {@code bots} ({@code runtime.language}). */
    static Locale language(String acceptLanguage, Locale bots) {
        return PageTexts.choose(null, acceptLanguage, bots);
    }

    private void error(Response response, Callback callback, ConsoleRequest request, ConsoleDenied denied) {
        int status = denied.status() >= 400 && denied.status() < 600 ? denied.status() : 400;
        ConsoleHttp.page(response, callback, status, layout.page(request, null,
                LoginRoutes.statusHeading(request.words(), status), Html.format("<p role=\"alert\">{}</p>",
                        denied.getMessage())));
    }

    private void refuse(Request request, Response response, Callback callback, int status, String messageKey) {
        Locale asked = language(request);
        var words = ConsoleRequest.words(asked);
        ConsoleHttp.page(response, callback, status, layout.bare(asked, LoginRoutes.statusHeading(words, status),
                Html.format("<p role=\"alert\">{}</p><p><a href=\"{}\">{}</a></p>", words.format(messageKey),
                        prefix + "/login", words.format("console.login.link"))));
    }

    /** The form read for the CSRF check, kept on the request for the page (a body is read once). */
    private static final class FormFieldsCache {
        private static final String ATTRIBUTE = FormFieldsCache.class.getName();

        static void keep(Request request, Map<String, List<String>> form) {
            request.setAttribute(ATTRIBUTE, form);
        }

        @SuppressWarnings("unchecked")
        static Map<String, List<String>> take(Request request) {
            Object form = request.getAttribute(ATTRIBUTE);
            return form instanceof Map<?, ?> map ? (Map<String, List<String>>) map : Map.of();
        }
    }
}
