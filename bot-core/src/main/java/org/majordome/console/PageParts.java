package org.majordome.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pieces the console's pages share, built from {@link Html} only: tables with headings for screen readers, links
 * whose query is encoded, and forms that carry the session's CSRF token.
 */
public final class PageParts {

    /** Where the console is served. */
    public static final String ROOT = "/console/";

    private PageParts() {
    }

    /** A link to a console path with query parameters (encoded; empty values left out). */
    public static String href(String path, Map<String, String> query) {
        return ROOT + target(path, query);
    }

    /** A console path with query parameters, without the console's root (what {@code post} redirects to). */
    public static String target(String path, Map<String, String> query) {
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            if (parameter.getValue() == null || parameter.getValue().isEmpty()) {
                continue;
            }
            url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    public static Html link(String href, Html text) {
        return Html.format("<a href=\"{}\">{}</a>", href, text);
    }

    public static Html link(String href, String text) {
        return link(href, Html.text(text));
    }

    /** A table with a caption and column headings; each row is its cells' content. */
    public static Html table(String caption, List<String> headings, List<List<Html>> rows) {
        List<Html> head = new ArrayList<>();
        headings.forEach(heading -> head.add(Html.format("<th scope=\"col\">{}</th>", heading)));
        List<Html> body = new ArrayList<>(rows.size());
        for (List<Html> row : rows) {
            List<Html> cells = new ArrayList<>(row.size());
            row.forEach(cell -> cells.add(Html.format("<td>{}</td>", cell)));
            body.add(Html.format("<tr>{}</tr>\n", Html.of(cells)));
        }
        return Html.format("<table><caption>{}</caption><thead><tr>{}</tr></thead><tbody>\n{}</tbody></table>\n",
                caption, Html.of(head), Html.of(body));
    }

    /** A POST form to a console path with the CSRF token, hidden fields and one submit button. */
    public static Html postForm(ConsoleRequest request, String path, Map<String, String> fields, String button) {
        List<Html> hidden = new ArrayList<>();
        hidden.add(hidden("csrf", request.csrfToken()));
        fields.forEach((name, value) -> hidden.add(hidden(name, value)));
        return Html.format("<form method=\"post\" action=\"{}\">{}<button type=\"submit\">{}</button></form>\n",
                ROOT + path, Html.of(hidden), button);
    }

    public static Html hidden(String name, String value) {
        return Html.format("<input type=\"hidden\" name=\"{}\" value=\"{}\">", name, value);
    }

    /** A paragraph with a status message for screen readers ({@code role=status}). */
    public static Html status(String message) {
        return Html.format("<p role=\"status\">{}</p>\n", message);
    }
}
