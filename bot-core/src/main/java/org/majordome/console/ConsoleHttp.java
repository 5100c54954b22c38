package org.majordome.console;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** The few HTTP chores of the console: pages out, forms and cookies in, redirects after actions. */
final class ConsoleHttp {

    /** The session cookie; {@code __Host-} is not used since the console also runs on plain HTTP on loopback. */
    static final String COOKIE = "majordome_console";
    /** Fields in one form and characters in all: the console's forms are small. */
    private static final int MAX_FIELDS = 100;
    private static final int MAX_FORM_CHARS = 64 * 1024;

    private ConsoleHttp() {
    }

    /** Writes a page; never cached, since it shows an operator's rooms. */
    static void page(Response response, Callback callback, int status, Html page) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(page.toString().getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** 303 See Other: the browser GETs the target, so reloading it never repeats the POST. */
    static void seeOther(Request request, Response response, Callback callback, String location) {
        Response.sendRedirect(request, response, callback, HttpStatus.SEE_OTHER_303, location, true);
    }

    /** The query parameters of a GET, several values of one name in order. */
    static Map<String, List<String>> query(Request request) {
        return map(Request.extractQueryParameters(request, StandardCharsets.UTF_8));
    }

    /** The fields of a URL-encoded form (none for another body). */
    static Map<String, List<String>> form(Request request) {
        return map(FormFields.getFields(request, MAX_FIELDS, MAX_FORM_CHARS));
    }

    private static Map<String, List<String>> map(Fields fields) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Fields.Field field : fields) {
            map.put(field.getName(), List.copyOf(field.getValues()));
        }
        return map;
    }

    static Optional<String> first(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.getFirst());
    }

    /** The value of the console's cookie, when the request carries one. */
    static Optional<String> sessionCookie(Request request) {
        return Request.getCookies(request).stream().filter(cookie -> cookie.getName().equals(COOKIE))
                .map(HttpCookie::getValue).findFirst();
    }

    /**
     * Sets the session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's link or form sends
     * it), Secure when the browser came over HTTPS, and only for the console's paths.
     */
    static void setSessionCookie(Response response, String prefix, String value, Duration maxAge, boolean secure) {
        response.getHeaders().add(HttpHeader.SET_COOKIE, COOKIE + "=" + value + "; Path=" + prefix + "; Max-Age="
                + maxAge.toSeconds() + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }

    static void clearSessionCookie(Response response, String prefix, boolean secure) {
        response.getHeaders().add(HttpHeader.SET_COOKIE, COOKIE + "=; Path=" + prefix
                + "; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }
}
