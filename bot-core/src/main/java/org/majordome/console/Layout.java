package org.majordome.console;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.majordome.api.text.Wording;

/**
 * The frame of every console page: a header with the bot's name, the navigation (the pages' titles in their
 * {@link ConsolePage#order()}), the operator's JID and a logout button, then the {@code <main>} landmark with the
 * page's {@code <h1>}. One style sheet from the bot itself, no script at all.
 */
final class Layout {

    private final String prefix;
    private final String botName;
    private final List<ConsolePage> pages;

    Layout(String prefix, String botName, List<ConsolePage> pages) {
        this.prefix = prefix;
        this.botName = botName;
        this.pages = pages.stream().sorted(Comparator.comparingInt(ConsolePage::order)
                .thenComparing(ConsolePage::path)).toList();
    }

    /** The pages in navigation order. */
    List<ConsolePage> pages() {
        return pages;
    }

    /**
     * A page's title in a language: the runtime bundle's {@code console.page.<path>} when it has one (the runtime's
     * own pages), else the page's {@link ConsolePage#title()}.
     */
    String title(ConsolePage page, Locale language) {
        Wording words = ConsoleRequest.words(language);
        String key = "console.page." + page.path();
        return words.has(key) ? words.format(key) : page.title();
    }

    /** A page for a logged-in operator, in English; {@code current} is the page whose navigation link is marked. */
    Html page(Operator operator, String csrf, ConsolePage current, String heading, Html content) {
        return page(new ConsoleRequest(operator, "", java.util.Map.of(), csrf), current, heading, content);
    }

    /** A page for a logged-in operator, in the request's language; {@code current} is the page marked, if any. */
    Html page(ConsoleRequest request, ConsolePage current, String heading, Html content) {
        Operator operator = request.operator();
        Wording words = request.words();
        Html navigation = Html.of(pages.stream().filter(page -> page.listedFor(operator)).map(page -> Html.format("<li><a href=\"{}\"{}>{}</a></li>",
                prefix + "/" + page.path(), page == current ? Html.markup(" aria-current=\"page\"") : Html.empty(),
                title(page, request.language()))).toList());
        Html header = Html.format("<header><p class=\"brand\">{} <span>{}</span></p>"
                        + "<nav aria-label=\"{}\"><ul>{}</ul></nav>"
                        + "<div class=\"who\"><span>{} <strong>{}</strong></span>"
                        + "<form method=\"post\" action=\"{}\"><input type=\"hidden\" name=\"csrf\" value=\"{}\">"
                        + "<button type=\"submit\">{}</button></form></div></header>",
                botName, words.format("console.brand"), words.format("console.navigation"), navigation,
                words.format("console.logged-in-as"), operator.jid(), prefix + "/logout", request.csrfToken(),
                words.format("console.logout"));
        return document(request.language(), heading, header, content);
    }

    /** A page without a session (login, errors before login): the bot's name and the content, in English. */
    Html bare(String heading, Html content) {
        return bare(Locale.ENGLISH, heading, content);
    }

    /** A page without a session, in {@code language}. */
    Html bare(Locale language, String heading, Html content) {
        return document(language, heading, Html.format("<header><p class=\"brand\">{} <span>{}</span></p></header>",
                botName, ConsoleRequest.words(language).format("console.brand")), content);
    }

    private Html document(Locale language, String heading, Html header, Html content) {
        return Html.format("<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<title>{} · {}</title><link rel=\"stylesheet\" href=\"{}\"></head>"
                        + "<body>{}<main><h1>{}</h1>{}</main></body></html>",
                language.toLanguageTag(), heading, botName, prefix + "/assets/console.css", header, heading, content);
    }
}
