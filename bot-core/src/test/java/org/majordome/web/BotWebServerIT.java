package org.majordome.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.majordome.app.RunningBot;
import org.majordome.app.StartupException;
import org.majordome.config.BotConfig;
import org.majordome.config.WebSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.ProsodyExtension;

/**
 * The web server inside the running bot: it serves when {@code web:} is configured and stops with the bot, and a
 * port already taken stops the start with a problem naming it, before the bot connects anywhere.
 *
 * <p>On Prosody only: the XMPP server is incidental here (the bot needs one to start), and nothing the web server
 * does depends on its kind.
 */
class BotWebServerIT {

    @RegisterExtension
    static final ProsodyExtension prosody = new ProsodyExtension();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    @Test
    void aConfiguredWebServerServesWhileTheBotRunsAndStopsWithIt() throws Exception {
        BotConfig config = BotUnderTest.builder(prosody.server()).config()
                .withWeb(Optional.of(WebSettings.onLoopback(0)));

        int port;
        try (RunningBot bot = RunningBot.start(config)) {
            port = bot.webPort().orElseThrow();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/chat/")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        }

        Assertions.assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void withoutAWebSectionNothingListens() {
        try (RunningBot bot = RunningBot.start(BotUnderTest.builder(prosody.server()).config())) {
            assertThat(bot.webPort()).isEmpty();
        }
    }

    @Test
    void aPortAlreadyTakenStopsTheStartWithAProblemNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            BotConfig config = BotUnderTest.builder(prosody.server()).config()
                    .withWeb(Optional.of(WebSettings.onLoopback(taken.getLocalPort())));

            StartupException failure = catchThrowableOfType(StartupException.class, () -> RunningBot.start(config,
                    List.of(), List.of()).close());

            assertThat(failure.problems()).singleElement().asString()
                    .contains("web: cannot listen on 127.0.0.1 port " + taken.getLocalPort());
        }
    }
}
