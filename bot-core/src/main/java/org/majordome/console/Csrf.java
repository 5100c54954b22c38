package org.majordome.console;

import java.util.Optional;

/**
 * The check every console POST passes before a page sees it (OWASP's synchronizer token plus origin check): the
 * request's {@code Origin} is this server, and its {@code csrf} field is the session's own token. The cookie's
 * SameSite=Strict already keeps it off other sites' requests; these two hold even where a browser ignores that.
 */
final class Csrf {

    private Csrf() {
    }

    /**
     * @param sameOrigin   whether the request's {@code Origin} names this server ({@code WebContext.sameOrigin})
     * @param formToken    the form's {@code csrf} field, if any
     * @param sessionToken the session's token
     */
    static boolean passes(boolean sameOrigin, Optional<String> formToken, String sessionToken) {
        return sameOrigin && formToken.filter(token -> Tokens.same(token, sessionToken)).isPresent();
    }
}
