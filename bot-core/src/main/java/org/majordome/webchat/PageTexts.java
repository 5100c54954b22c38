package org.majordome.webchat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.majordome.text.Bundle;
import org.majordome.text.Languages;

/**
 * The page's own words (headings, labels, what it says when people come and go), served as JSON from the web chat's
 * bundle ({@code org/majordome/webchat/messages*.properties}, one file per language like every bundle): the page
 * asks for them ({@code /chat/texts?lang=fr}) and writes each with {@code textContent}, so the strict policy that
 * forbids inline scripts holds and the words have a single home.
 *
 * <p>The texts are ICU patterns kept simple for the page's own formatting: {@code {0}} placeholders only, and a
 * count's words as two keys, {@code .one} and {@code .other}, which the page picks with the language's plural rules.
 */
public final class PageTexts {

    static final String BUNDLE = "org/majordome/webchat/messages";
    private static final Bundle PAGE = Bundle.onClassPath(PageTexts.class.getClassLoader(), BUNDLE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private PageTexts() {
    }

    /**
     * The language to serve: {@code asked} (the page's {@code lang}, a room's language) when the bot speaks it, else
     * the first language of {@code Accept-Language} the bot speaks, else {@code otherwise} (the bot's).
     */
    public static Locale choose(String asked, String acceptLanguage, Locale otherwise) {
        if (asked != null && !asked.isBlank()) {
            Locale language = Locale.forLanguageTag(asked.strip());
            if (Languages.spoken().contains(language.getLanguage())) {
                return language;
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            List<Locale.LanguageRange> ranges;
            try {
                ranges = Locale.LanguageRange.parse(acceptLanguage);
            } catch (IllegalArgumentException malformed) {
                return otherwise;
            }
            for (Locale.LanguageRange range : ranges) {
                Locale language = Locale.forLanguageTag(range.getRange());
                if (range.getWeight() > 0 && Languages.spoken().contains(language.getLanguage())) {
                    return Locale.forLanguageTag(language.getLanguage());
                }
            }
        }
        return otherwise;
    }

    /** {@code {"language": "fr", "texts": {"lobby.heading": "...", ...}}}: every text of the page in that language. */
    public static String json(Locale language) {
        ObjectNode answer = JSON.createObjectNode().put("language", language.toLanguageTag());
        ObjectNode texts = answer.putObject("texts");
        PAGE.resolved(language).forEach(texts::put);
        try {
            return JSON.writeValueAsString(answer);
        } catch (IOException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
