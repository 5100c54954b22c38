package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.config.BotConfig;
import org.majordome.config.ConfigLoader;

/**
 * The configuration page: the effective configuration with no secret in it, for bot admins only, and a reload that
 * is checked first and applied only by a second, confirming POST of the file that was checked.
 */
class ConfigPageTest {

    private static final Operator BOSS = new Operator("boss@example.org", true, Set.of());
    private static final Operator OWNER = new Operator("ann@example.org", false, Set.of("a@conference.example.org"));
    private static final String CSRF = "C".repeat(43);

    @TempDir
    Path directory;

    private final List<String> calls = new ArrayList<>();
    private final Reloads reloads = new Reloads() {
        @Override
        public Report check(org.majordome.api.text.Wording words) {
            calls.add("check");
            return new Report(true, List.of("would join new@conference.example.org"));
        }

        @Override
        public Report apply(org.majordome.api.text.Wording words) {
            calls.add("apply");
            return new Report(true, List.of("joining new@conference.example.org"));
        }
    };

    private BotConfig load() throws Exception {
        Path file = Files.writeString(directory.resolve("bot.yml"), """
                connection:
                  jid: bot@localhost
                  password: bot-password-1
                admins: [boss@example.org]
                runtime:
                  database:
                    url: jdbc:postgresql://127.0.0.1/majordome?user=x&password=url-password-2
                    user: majordome
                    password: ${DB_PASSWORD}
                rooms:
                  - jid: lobby@conference.localhost
                    password: room-password-3
                    config:
                      title: "<script>alert(1)</script>"
                web:
                  port: 8080
                  chat:
                    account: {jid: visitors@localhost, password: visitors-password-4}
                plugins:
                  feeds:
                    api-token: token-5
                    nested:
                      client-secret: secret-6
                      url: https://reader:url-password-7@feeds.example.org/
                """);
        return new ConfigLoader(Map.of("DB_PASSWORD", "db-password-8")).load(file);
    }

    @Test
    void theEffectiveConfigurationShowsNoPasswordTokenOrSecret() throws Exception {
        BotConfig config = load();

        String page = new ConfigPage(() -> config, reloads).get(request(BOSS, "")).toString();

        assertThat(page).contains("lobby@conference.localhost").contains("bot@localhost").contains("api-token")
                .contains("******").contains("environment variable DB_PASSWORD");
        for (String secret : List.of("bot-password-1", "url-password-2", "room-password-3", "visitors-password-4",
                "token-5", "secret-6", "url-password-7", "db-password-8")) {
            assertThat(page).as(secret).doesNotContain(secret);
        }
        assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void onlyBotAdminsSeeTheConfiguration() throws Exception {
        BotConfig config = load();
        ConfigPage page = new ConfigPage(() -> config, reloads);

        ConsoleDenied denied = catchThrowableOfType(ConsoleDenied.class, () -> page.get(request(OWNER, "")));
        ConsoleDenied acting = catchThrowableOfType(ConsoleDenied.class, () -> page.post(post(OWNER, "check", null)));

        assertThat(denied.status()).isEqualTo(403);
        assertThat(acting.status()).isEqualTo(403);
        assertThat(calls).isEmpty();
    }

    @Test
    void theFirstPostOnlyLeadsToTheCheckWhichAppliesNothing() throws Exception {
        BotConfig config = load();
        ConfigPage page = new ConfigPage(() -> config, reloads);

        assertThat(page.post(post(BOSS, "check", null))).isEqualTo("config/reload");
        String report = page.get(request(BOSS, "reload")).toString();

        assertThat(calls).containsExactly("check");
        assertThat(report).contains("The file is valid").contains("would join new@conference.example.org")
                .contains("Apply this configuration").contains("name=\"digest\"");
    }

    @Test
    void theSecondPostAppliesTheFileThatWasChecked() throws Exception {
        BotConfig config = load();
        ConfigPage page = new ConfigPage(() -> config, reloads);
        String digest = digestIn(page.get(request(BOSS, "reload")).toString());

        assertThat(page.post(post(BOSS, "apply", digest))).isEqualTo("config?reloaded=1");
        assertThat(calls).containsExactly("check", "apply");
        assertThat(page.get(new ConsoleRequest(BOSS, "", Map.of("reloaded", List.of("1")), CSRF)).toString())
                .contains("Reloaded").contains("joining new@conference.example.org");
    }

    @Test
    void aFileChangedSinceTheCheckIsNotAppliedUnseen() throws Exception {
        BotConfig config = load();
        ConfigPage page = new ConfigPage(() -> config, reloads);
        String digest = digestIn(page.get(request(BOSS, "reload")).toString());
        Files.writeString(config.source(), "\n# edited after the check\n", java.nio.file.StandardOpenOption.APPEND);

        ConsoleDenied denied = catchThrowableOfType(ConsoleDenied.class, () -> page.post(post(BOSS, "apply", digest)));
        ConsoleDenied unchecked = catchThrowableOfType(ConsoleDenied.class, () -> page.post(post(BOSS, "apply", null)));

        assertThat(denied.status()).isEqualTo(409);
        assertThat(unchecked.status()).isEqualTo(400);
        assertThat(calls).containsExactly("check");
    }

    private static String digestIn(String html) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"digest\" value=\"([0-9a-f]+)\"")
                .matcher(html);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static ConsoleRequest request(Operator operator, String subPath) {
        return new ConsoleRequest(operator, subPath, Map.of(), CSRF);
    }

    private static ConsoleRequest post(Operator operator, String action, String digest) throws IOException {
        Map<String, List<String>> params = new java.util.HashMap<>(Map.of("action", List.of(action)));
        if (digest != null) {
            params.put("digest", List.of(digest));
        }
        return new ConsoleRequest(operator, "", params, CSRF);
    }
}
