package org.majordome.webchat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.majordome.text.TextService;
import org.majordome.web.WebContext;
import org.majordome.webchat.Frames.ErrorCode;

/**
 * What the web chat serves under its prefix: the page ({@code /}), its files ({@code /assets/<file>}), the list of
 * rooms ({@code /rooms}, which also gives a new visitor their identity cookie), the page's words ({@code /texts},
 * {@link PageTexts}) and the socket ({@code /socket}, a
 * WebSocket upgrade only for pages of this server, RFC 6455 §10.2, and only for a visitor with a valid cookie).
 */
final class ChatRoutes extends Handler.Abstract {

    static final String PAGE_DIRECTORY = "org/majordome/webchat/page";
    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9]+)+");
    private static final long COOKIE_MAX_AGE = 365L * 24 * 3600;

    private final String prefix;
    private final WebChatGateway gateway;
    private final WebContext context;
    private final Handler files;
    private final ServerWebSocketContainer sockets;

    ChatRoutes(String prefix, WebChatGateway gateway, WebContext context, ServerWebSocketContainer sockets) {
        this.prefix = prefix;
        this.gateway = gateway;
        this.context = context;
        this.files = context.classpathFiles(PAGE_DIRECTORY);
        this.sockets = sockets;
        addBean(files);
    }

    @Override
    public void setServer(Server server) {
        super.setServer(server);
        files.setServer(server);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith(prefix)) {
            return false;
        }
        String rest = path.substring(prefix.length());
        boolean read = HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod());
        if (rest.equals("/socket")) {
            return socket(request, response, callback);
        }
        if (!read) {
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        if (rest.isEmpty()) {
            Response.sendRedirect(request, response, callback, prefix + "/");
            return true;
        }
        if (rest.equals("/")) {
            return files.handle(at(request, "/index.html"), response, callback);
        }
        if (rest.startsWith("/assets/") && ASSET.matcher(rest.substring("/assets/".length())).matches()) {
            return files.handle(at(request, rest.substring("/assets".length())), response, callback);
        }
        if (rest.equals("/rooms")) {
            rooms(request, response, callback);
            return true;
        }
        if (rest.equals("/texts")) {
            texts(request, response, callback);
            return true;
        }
        Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        return true;
    }

    private void rooms(Request request, Response response, Callback callback) {
        if (visitorId(request).isEmpty()) {
            response.getHeaders().add(HttpHeader.SET_COOKIE, VisitorIds.COOKIE + "=" + gateway.ids().issue()
                    + "; Path=" + prefix + "; Max-Age=" + COOKIE_MAX_AGE + "; HttpOnly; SameSite=Lax"
                    + (context.secure(request) ? "; Secure" : ""));
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        byte[] body = Frames.rooms(gateway.rooms().list()).getBytes(StandardCharsets.UTF_8);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** The page's words in the language it asks for ({@code ?lang=}), else the visitor's, else the bot's. */
    private void texts(Request request, Response response, Callback callback) {
        Locale language = PageTexts.choose(Request.extractQueryParameters(request).getValue("lang"),
                request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE), gateway.rooms().defaultLanguage());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put(HttpHeader.VARY, "Accept-Language");
        response.write(true, ByteBuffer.wrap(PageTexts.json(language).getBytes(StandardCharsets.UTF_8)), callback);
    }

    private boolean socket(Request request, Response response, Callback callback) throws Exception {
        if (!context.sameOrigin(request)) {
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "cross-origin socket refused");
            return true;
        }
        Optional<String> id = visitorId(request);
        if (id.isEmpty()) {
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "no visitor cookie");
            return true;
        }
        Visitor.Identity identity = new Visitor.Identity(id.get(),
                gateway.ids().addressHash(context.clientAddress(request)));
        boolean admitted = gateway.limits().openSocket(identity.addressHash());
        VisitorSocket socket = new VisitorSocket(gateway, identity, admitted ? null
                : Frames.error(ErrorCode.FULL, TextService.runtimeWording(PageTexts.choose(null,
                        request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE), gateway.rooms().defaultLanguage()),
                        ZoneOffset.UTC).format("webchat.too-many-sockets")));
        boolean upgraded = sockets.upgrade((upgradeRequest, upgradeResponse, upgradeCallback) -> socket,
                request, response, callback);
        if (!upgraded) {
            if (admitted) {
                gateway.limits().closeSocket(identity.addressHash());
            }
            Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400, "not a WebSocket upgrade");
        }
        return true;
    }

    /** The visitor's id, when their request carries a cookie this bot signed. */
    private Optional<String> visitorId(Request request) {
        for (String header : request.getHeaders().getValuesList(HttpHeader.COOKIE)) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).strip().equals(VisitorIds.COOKIE)) {
                    Optional<String> id = gateway.ids().verify(pair.substring(equals + 1).strip());
                    if (id.isPresent()) {
                        return id;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The request as the file handler should see it: the path of a file in the page directory. */
    private static Request at(Request request, String file) {
        HttpURI uri = HttpURI.build(request.getHttpURI()).path(file).asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return uri;
            }
        };
    }
}
