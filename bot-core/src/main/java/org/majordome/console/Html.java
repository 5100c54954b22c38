package org.majordome.console;

import java.util.Objects;

/**
 * A piece of HTML that is safe to send: either markup written in the code, or text escaped on the way in. Pages are
 * built from these only, so a nick, a message or a reason from XMPP can never become markup in an operator's page.
 */
public final class Html {

    private static final Html EMPTY = new Html("");

    private final String markup;

    private Html(String markup) {
        this.markup = markup;
    }

    /** Text from anywhere (XMPP, the database, the request), escaped for an element's content or a quoted attribute. */
    public static Html text(String text) {
        return new Html(escape(Objects.requireNonNullElse(text, "")));
    }

    /** Markup written in the code itself, never data: the caller vouches that it holds nothing from outside. */
    public static Html markup(String trustedMarkup) {
        return new Html(Objects.requireNonNull(trustedMarkup, "trustedMarkup"));
    }

    /** Nothing. */
    public static Html empty() {
        return EMPTY;
    }

    /** The parts one after the other. */
    public static Html of(Html... parts) {
        StringBuilder joined = new StringBuilder();
        for (Html part : parts) {
            joined.append(part.markup);
        }
        return new Html(joined.toString());
    }

    /** The parts one after the other. */
    public static Html of(Iterable<Html> parts) {
        StringBuilder joined = new StringBuilder();
        for (Html part : parts) {
            joined.append(part.markup);
        }
        return new Html(joined.toString());
    }

    /**
     * Fills a template written in the code: each {@code {}} takes the next argument, an {@code Html} as it is and
     * anything else as escaped text ({@code null} as nothing). Too few or too many arguments is a bug, and throws.
     */
    public static Html format(String trustedTemplate, Object... args) {
        StringBuilder out = new StringBuilder(trustedTemplate.length() + 16 * args.length);
        int used = 0;
        int from = 0;
        for (int at = trustedTemplate.indexOf("{}"); at >= 0; at = trustedTemplate.indexOf("{}", from)) {
            if (used == args.length) {
                throw new IllegalArgumentException("more {} than arguments in: " + trustedTemplate);
            }
            out.append(trustedTemplate, from, at).append(piece(args[used++]));
            from = at + 2;
        }
        if (used != args.length) {
            throw new IllegalArgumentException(args.length + " arguments for " + used + " {} in: " + trustedTemplate);
        }
        return new Html(out.append(trustedTemplate, from, trustedTemplate.length()).toString());
    }

    private static String piece(Object arg) {
        if (arg instanceof Html html) {
            return html.markup;
        }
        return arg == null ? "" : escape(String.valueOf(arg));
    }

    private static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** The markup, to write into a response. */
    @Override
    public String toString() {
        return markup;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Html html && html.markup.equals(markup);
    }

    @Override
    public int hashCode() {
        return markup.hashCode();
    }
}
