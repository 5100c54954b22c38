package org.majordome.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.majordome.api.text.Wording;
import org.majordome.text.Bundle;
import org.majordome.text.TextService;

/**
 * Issue 20: the web chat's page and the gateway's answers to visitors were English whatever the room. The page's
 * words now come from its bundle ({@code /chat/texts}), in the language the page asks for, else the visitor's
 * browser's, else the bot's; the gateway's answers come from the runtime's bundle.
 */
class PageTextsTest {

    private static final String NB = "\u00a0";
    private static final Map<String, String> ENGLISH = Bundle.onClassPath(PageTextsTest.class.getClassLoader(),
            PageTexts.BUNDLE).texts("");

    @Test
    void theLanguageIsTheOneAskedElseTheBrowsersElseTheBots() {
        assertThat(PageTexts.choose("fr", "en-US,en;q=0.9", Locale.ENGLISH)).isEqualTo(Locale.FRENCH);
        assertThat(PageTexts.choose(null, "fr-CH, fr;q=0.9, en;q=0.8", Locale.ENGLISH)).isEqualTo(Locale.FRENCH);
        assertThat(PageTexts.choose(null, "de-DE,de;q=0.9,en;q=0.5", Locale.FRENCH)).isEqualTo(Locale.ENGLISH);
        assertThat(PageTexts.choose("de", "de", Locale.FRENCH)).isEqualTo(Locale.FRENCH);
        assertThat(PageTexts.choose(null, null, Locale.FRENCH)).isEqualTo(Locale.FRENCH);
        assertThat(PageTexts.choose(null, "not a ; valid header ;;", Locale.ENGLISH)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void theTextsAreServedAsJsonInTheLanguageWithEveryKey() throws IOException {
        JsonNode french = new ObjectMapper().readTree(PageTexts.json(Locale.FRENCH));
        JsonNode english = new ObjectMapper().readTree(PageTexts.json(Locale.ENGLISH));

        assertThat(french.get("language").asText()).isEqualTo("fr");
        assertThat(french.get("texts").get("page.join").asText()).isEqualTo("Entrer dans le salon");
        assertThat(french.get("texts").get("page.subject.label").asText()).isEqualTo("Sujet" + NB + ":");
        assertThat(english.get("texts").get("page.join").asText()).isEqualTo("Enter the room");
        assertThat(french.get("texts").size()).isEqualTo(ENGLISH.size());
    }

    /** The page's HTML keeps its English until the texts come: the same words as the bundle's, every key known. */
    @Test
    void everyTextOfThePageIsInTheBundleAndTheHtmlsEnglishIsTheBundles() throws IOException {
        String html = page("index.html");
        Matcher texts = Pattern.compile("data-text=\"([^\"]+)\"( data-slots=\"[^\"]+\")?[^>]*>([^<]*)<").matcher(html);
        List<String> keys = new ArrayList<>();
        while (texts.find()) {
            keys.add(texts.group(1));
            assertThat(ENGLISH).containsKey(texts.group(1));
            if (texts.group(2) == null) {
                assertThat(texts.group(3)).as(texts.group(1)).isEqualTo(ENGLISH.get(texts.group(1)));
            }
        }
        assertThat(keys).hasSizeGreaterThan(15);
    }

    @Test
    void everyTextTheScriptAsksForIsInTheBundle() throws IOException {
        String script = page("chat.js");
        Matcher asked = Pattern.compile("\\b(?:t|tNodes)\\('(page\\.[a-z.-]*[a-z])'[,)]").matcher(script);
        List<String> keys = new ArrayList<>();
        while (asked.find()) {
            keys.add(asked.group(1));
        }
        assertThat(keys).hasSizeGreaterThan(20);
        assertThat(ENGLISH).containsKeys(keys.toArray(String[]::new));
        assertThat(ENGLISH).containsKeys("page.people.one", "page.people.other", "page.role.moderator",
                "page.role.participant", "page.role.visitor", "page.error.nick-taken", "page.error.other",
                "page.removed.banned-by", "page.removed.kicked-by");
    }

    @Test
    void theGatewaysAnswersWereEnglishInAFrenchRoom() {
        Wording french = TextService.runtimeWording(Locale.FRENCH, ZoneOffset.UTC);
        StanzaError taken = StanzaError.getBuilder(StanzaError.Condition.conflict).build();
        StanzaError members = StanzaError.getBuilder(StanzaError.Condition.registration_required)
                .setDescriptiveEnText("Members only").build();

        assertThat(RoomErrors.refusal(french, taken))
                .isEqualTo("Ce pseudo est déjà pris dans ce salon. Veuillez en choisir un autre.");
        assertThat(RoomErrors.refusal(french, members)).isEqualTo("Ce salon est réservé à ses membres. (Members only)");
        assertThat(french.format("webchat.too-long", 2000)).isEqualTo("Un message ne peut pas dépasser 2" + "\u202f"
                + "000 caractères.");
    }

    private static String page(String file) throws IOException {
        try (InputStream in = PageTextsTest.class.getClassLoader()
                .getResourceAsStream("org/majordome/webchat/page/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
