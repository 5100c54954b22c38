package org.majordome.web;

import java.io.IOException;
import java.util.List;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The headers every response carries, pages, files, WebSocket upgrades, 404s and errors alike: a Content Security
 * Policy that allows nothing but the bot's own scripts, styles and connections (no inline script, no plugin, no
 * foreign frame), no MIME sniffing, and no referrer leaving the page.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    static final String REFERRER_POLICY = "Referrer-Policy";

    private final String policy;

    /** @param frameAncestors who may embed the pages (validated CSP sources); empty: nobody */
    SecurityHeaders(List<String> frameAncestors) {
        policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors "
                + (frameAncestors.isEmpty() ? "'none'" : String.join(" ", frameAncestors));
    }

    String policy() {
        return policy;
    }

    void applyTo(HttpFields.Mutable headers) {
        headers.put(CONTENT_SECURITY_POLICY, policy);
        headers.put(CONTENT_TYPE_OPTIONS, "nosniff");
        headers.put(REFERRER_POLICY, "no-referrer");
    }

    /** Puts the headers on a response before the handlers below write it. */
    Handler.Wrapper handler(Handler next) {
        return new Handler.Wrapper(next) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                applyTo(response.getHeaders());
                return super.handle(request, response, callback);
            }
        };
    }

    /**
     * The server's error pages (404 of unknown paths, 400 of malformed requests, 500 of a failed handler) with the
     * headers too: an error response may have been reset after a handler put them, or never reached one.
     */
    ErrorHandler errorHandler() {
        ErrorHandler errors = new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                applyTo(response.getHeaders());
                return super.handle(request, response, callback);
            }

            // Nothing about the bot's insides in an answer to a stranger: the status's reason, never an
            // exception's message or stack.
            @Override
            protected void generateResponse(Request request, Response response, int code, String message,
                                            Throwable cause, Callback callback) throws IOException {
                super.generateResponse(request, response, code, HttpStatus.getMessage(code), null, callback);
            }
        };
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        return errors;
    }
}
