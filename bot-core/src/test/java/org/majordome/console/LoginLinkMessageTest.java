package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.majordome.api.text.Wording;
import org.majordome.text.SenderLanguages;
import org.majordome.text.TextService;
import org.majordome.text.TextSettings;

/**
 * The bug: the login link went out in an English literal whatever the bot's language. It is now the runtime's text
 * {@code console.login-link}, in the bot-wide default language ({@code runtime.language}).
 */
class LoginLinkMessageTest {

    private static final String LINK = "https://bot.example.org/console/login/abc_DEF-123";

    private static Wording botLanguage(Locale language) {
        return new TextService(new TextSettings(language, ZoneOffset.UTC, Map.of()), new SenderLanguages(),
                plugin -> Optional.empty()).runtime().byDefault();
    }

    @Test
    void theLoginLinkMessageIsInTheBotsLanguage() {
        assertThat(LoginRoutes.linkMessage(botLanguage(Locale.ENGLISH), 15, LINK)).isEqualTo(
                "Your login link for the console (valid 15 minutes, once): " + LINK
                        + "\nIf you did not ask for it, ignore this message.");
        assertThat(LoginRoutes.linkMessage(botLanguage(Locale.FRENCH), 15, LINK)).isEqualTo(
                "Votre lien de connexion à la console (valable 15 minutes, une seule fois)\u00a0: " + LINK
                        + "\nSi vous ne l’avez pas demandé, ignorez ce message.");
    }

    @Test
    void oneMinuteIsSingular() {
        assertThat(LoginRoutes.linkMessage(botLanguage(Locale.ENGLISH), 1, LINK)).contains("(valid 1 minute, once)");
        assertThat(LoginRoutes.linkMessage(botLanguage(Locale.FRENCH), 1, LINK)).contains("(valable 1 minute,");
    }
}
