package org.majordome.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.config.RoomSettings;
import org.majordome.config.WebChatSettings;
import org.majordome.config.WebSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.ProsodyExtension;

/**
 * The web chat wired into the bot: with {@code web:} and {@code web.chat:} configured and a room marked
 * {@code web-chat: true}, the bot's own embedded server (which mounts each app in a context at its prefix) serves
 * the page, its files and the room list under {@code /chat}. The gateway's own ITs served it on a bare server, where
 * the 500 below could not show: the gateway hands the file handler a request rewritten to name the file, outside
 * the {@code /chat} context, whose path in context Jetty gives as null (fixed in the file handler, which now reads
 * the URI's own path).
 *
 * <p>On Prosody only: the XMPP server is incidental here (the bot needs one to keep the room), and what is tested is
 * the HTTP side; the end-to-end browser tests run on both servers ({@code WebChatBrowserIT}).
 */
class WebChatOnTheBotsServerIT {

    @RegisterExtension
    static final ProsodyExtension prosody = new ProsodyExtension();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    @Test
    void thePageWasA500OnTheBotsServerBecauseItsFileWasAskedOutsideTheChatsContext() throws Exception {
        EntityBareJid room = prosody.server().uniqueRoom("webwired");
        WebChatSettings chat = new WebChatSettings(Optional.empty(), Optional.empty(), 10, 50, 3, 20, 1000,
                Duration.ofMinutes(30), Set.of("cookie"));
        try (BotUnderTest bot = BotUnderTest.builder(prosody.server())
                .dataDirectory(Files.createTempDirectory(Path.of("target"), "webchat-wired-it"))
                .room(new RoomSettings(room, Optional.empty(), Optional.empty(),
                        BotUnderTest.titled("Lobby", "Where the club meets"), List.of()).withWebChat(true))
                .web(new WebSettings("127.0.0.1", 0, Optional.empty(), List.of(), Optional.empty(), List.of(),
                        Optional.of(chat)))
                .start()) {
            bot.awaitJoined(room);
            String site = "http://127.0.0.1:" + bot.bot().webPort().orElseThrow();

            HttpResponse<String> page = get(site + "/chat/");
            HttpResponse<String> script = get(site + "/chat/assets/chat.js");
            HttpResponse<String> style = get(site + "/chat/assets/chat.css");
            HttpResponse<String> rooms = get(site + "/chat/rooms");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<script src=\"assets/chat.js\"");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("script-src 'self'");
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(style.statusCode()).isEqualTo(200);
            assertThat(rooms.statusCode()).isEqualTo(200);
            assertThat(rooms.body()).contains(room.toString()).contains("Lobby");
            assertThat(rooms.headers().firstValue("Set-Cookie").orElseThrow())
                    .startsWith("majordome_visitor=").contains("HttpOnly").contains("SameSite=Lax")
                    .contains("Path=/chat").doesNotContain("Secure");
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
