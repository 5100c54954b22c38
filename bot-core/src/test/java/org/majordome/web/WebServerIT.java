package org.majordome.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.assertj.core.api.Assertions;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.config.Secret;
import org.majordome.config.TlsKeystore;
import org.majordome.config.WebSettings;
import org.majordome.testing.TestKeystores;

/**
 * The embedded HTTP server for real: Jetty on a free loopback port, a real HTTP client (the JDK's). Every
 * response carries the security headers (pages, files, 404s, errors, malformed requests); forwarded headers are
 * believed from trusted proxies only; class-path files come with their type and an ETag; TLS from a PKCS#12
 * keystore. No XMPP server is involved: the web server does not talk to one.
 */
class WebServerIT {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersPagesFilesNotFoundAndErrorsAlike() throws Exception {
        start(WebSettings.onLoopback(0));

        for (String path : List.of("/probe/files/hello.txt", "/probe/client", "/nowhere", "/probe/nothing", "/",
                "/probe/fail")) {
            HttpResponse<String> response = get(path, builder -> { });

            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).contains(CSP);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(response.headers().firstValue("Server")).as(path).isEmpty();
        }
        assertThat(get("/nowhere", builder -> { }).statusCode()).isEqualTo(404);
        assertThat(get("/probe/nothing", builder -> { }).statusCode()).isEqualTo(404);
        HttpResponse<String> failure = get("/probe/fail", builder -> { });
        assertThat(failure.statusCode()).isEqualTo(500);
        assertThat(failure.body()).doesNotContain("secret", "IllegalStateException");
    }

    @Test
    void aMalformedRequestIsAnsweredWithTheSecurityHeadersToo() throws Exception {
        start(WebSettings.onLoopback(0));

        String head = raw("GET /probe/client HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header Line\r\n\r\n");

        assertThat(head).startsWith("HTTP/1.1 400").contains("Content-Security-Policy: " + CSP)
                .contains("X-Content-Type-Options: nosniff");
    }

    @Test
    void theFrameAncestorsOfTheSettingsAreThePolicysOnly() throws Exception {
        start(WebSettings.onLoopback(0).withFrameAncestors(List.of("https://club.example.org", "'self'")));

        assertThat(get("/nowhere", builder -> { }).headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).endsWith("; frame-ancestors https://club.example.org 'self'"));
    }

    @Test
    void forwardedHeadersFromAPeerThatIsNoTrustedProxyAreIgnored() throws Exception {
        start(WebSettings.onLoopback(0).withTrustedProxies(List.of("10.0.0.0/8")));

        HttpResponse<String> response = get("/probe/client", builder -> builder
                .header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https")
                .header("Forwarded", "for=198.51.100.1;proto=https"));

        assertThat(response.body()).isEqualTo("127.0.0.1 secure=false");
    }

    @Test
    void aTrustedProxyIsBelievedForTheClientItAppendedAndTheScheme() throws Exception {
        start(WebSettings.onLoopback(0).withTrustedProxies(List.of("127.0.0.1")));

        HttpResponse<String> spoofedThenAppended = get("/probe/client", builder -> builder
                .header("X-Forwarded-For", "198.51.100.66, 203.0.113.7").header("X-Forwarded-Proto", "https"));
        HttpResponse<String> rfc7239 = get("/probe/client", builder -> builder
                .header("Forwarded", "for=\"[2001:db8::17]:4711\";proto=https;host=chat.example.org"));
        HttpResponse<String> plain = get("/probe/client", builder -> { });

        assertThat(spoofedThenAppended.body()).isEqualTo("203.0.113.7 secure=true");
        assertThat(rfc7239.body()).isEqualTo(InetAddress.getByName("2001:db8::17").getHostAddress() + " secure=true");
        assertThat(plain.body()).isEqualTo("127.0.0.1 secure=false");
    }

    @Test
    void anOriginIsSameWhenItNamesTheHostTheRequestWasSentToOrThePublicUrl() throws Exception {
        start(WebSettings.onLoopback(0));
        String own = "http://127.0.0.1:" + server.port();

        assertThat(get("/probe/origin", builder -> builder.header("Origin", own)).body()).isEqualTo("true");
        assertThat(get("/probe/origin", builder -> builder.header("Origin", "http://evil.example")).body())
                .isEqualTo("false");
        assertThat(get("/probe/origin", builder -> builder.header("Origin", "https://127.0.0.1:" + server.port()))
                .body()).isEqualTo("false");
        assertThat(get("/probe/origin", builder -> builder.header("Origin", "null")).body()).isEqualTo("false");
        assertThat(get("/probe/origin", builder -> { }).body()).isEqualTo("false");
        server.close();

        start(WebSettings.onLoopback(0).withPublicUrl(URI.create("https://chat.example.org/")));
        assertThat(get("/probe/origin", builder -> builder.header("Origin", "https://chat.example.org")).body())
                .isEqualTo("true");
        assertThat(get("/probe/origin", builder -> builder.header("Origin", "https://chat.example.org:443")).body())
                .isEqualTo("true");
        assertThat(get("/probe/origin", builder -> builder.header("Origin", "http://127.0.0.1:" + server.port()))
                .body()).isEqualTo("false");
    }

    @Test
    void classPathFilesComeWithTheirTypeAnETagAnd304WhileUnchanged() throws Exception {
        start(WebSettings.onLoopback(0));

        HttpResponse<String> text = get("/probe/files/hello.txt", builder -> { });
        HttpResponse<String> css = get("/probe/files/probe.css", builder -> { });
        HttpResponse<String> index = get("/probe/files/", builder -> { });
        String etag = text.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get("/probe/files/hello.txt", builder -> builder.header("If-None-Match", etag));

        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).isEqualTo("hello from the class path\n");
        assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/plain").containsIgnoringCase("charset=utf-8"));
        assertThat(text.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/css"));
        assertThat(index.body()).contains("index of the probe");
        assertThat(get("/probe/rewritten", builder -> { }).body()).isEqualTo("hello from the class path\n");
        assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void onlyPlainNamesWithAKnownTypeAreServedNeverADotFileADirectoryOrAWayUp() throws Exception {
        start(WebSettings.onLoopback(0));

        for (String path : List.of("/probe/files/secret.key", "/probe/files/..%2fWebServerIT.class",
                "/probe/files/.hidden.txt", "/probe/files/missing.txt",
                "/probe/files/..", "/probe/files/logback-test.xml")) {
            assertThat(get(path, builder -> { }).statusCode()).as(path).isIn(400, 404);
        }
        assertThat(get("/probe/files/hello.txt", builder -> builder.POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(405);
    }

    @Test
    void thePrefixAloneIsRedirectedToItsDirectory() throws Exception {
        start(WebSettings.onLoopback(0));

        HttpResponse<String> response = get("/probe", builder -> { });

        assertThat(response.statusCode()).isIn(301, 302, 307, 308);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith("/probe/"));
    }

    @Test
    void withAKeystoreTheServerSpeaksHttpsAndRequestsAreSecure() throws Exception {
        Path keystore = TestKeystores.generate(directory.resolve("web.p12"), "keystore-pw");
        start(WebSettings.onLoopback(0).withTls(new TlsKeystore(keystore, new Secret("keystore-pw", "test"))));
        HttpClient https = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(TestKeystores.trusting(keystore, "keystore-pw")).connectTimeout(Duration.ofSeconds(30)).build();

        HttpResponse<String> response = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                + server.port() + "/probe/client")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(server.url().getScheme()).isEqualTo("https");
        assertThat(response.body()).isEqualTo("127.0.0.1 secure=true");
        assertThat(response.headers().firstValue("Content-Security-Policy")).contains(CSP);
    }

    @Test
    void aStoppedServerNoLongerAccepts() throws Exception {
        start(WebSettings.onLoopback(0));
        int port = server.port();
        assertThat(get("/probe/client", builder -> { }).statusCode()).isEqualTo(200);

        server.close();

        Assertions.assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void twoAppsCannotShareAPrefixNorUseAMalformedOne() {
        Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new WebServer(WebSettings.onLoopback(0),
                List.of(new ProbeApp(), new ProbeApp())));
        Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new WebServer(WebSettings.onLoopback(0),
                List.of(new ProbeApp("/chat/"))));
    }

    /**
     * An app may also give the server-level WebSocket handler ({@code WebSocketUpgradeHandler.from(server, ...)})
     * and upgrade by hand on the full request path, as the web chat does: mounted in the server's context at its
     * prefix, it upgrades, and the socket knows the client.
     */
    @Test
    void aServerLevelWebSocketHandlerUpgradesUnderItsPrefix() throws Exception {
        server = new WebServer(WebSettings.onLoopback(0), List.of(new ProbeApp(), new EchoSocketApp()));
        server.start();
        java.util.concurrent.CompletableFuture<String> answer = new java.util.concurrent.CompletableFuture<>();

        java.net.http.WebSocket socket = http.newWebSocketBuilder().header("Origin", "http://127.0.0.1:" + server.port())
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/echo/socket"),
                        new java.net.http.WebSocket.Listener() {
                            @Override
                            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket webSocket,
                                                                                 CharSequence data, boolean last) {
                                answer.complete(data.toString());
                                return null;
                            }
                        }).get(30, java.util.concurrent.TimeUnit.SECONDS);
        socket.sendText("hello", true).get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(answer.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("hello from 127.0.0.1");
        socket.abort();
    }

    private void start(WebSettings settings) throws Exception {
        server = new WebServer(settings, List.of(new ProbeApp()));
        server.bind();
        server.start();
    }

    private HttpResponse<String> get(String path, Consumer<HttpRequest.Builder> customizer) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30));
        customizer.accept(builder);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the server answers to bytes no HTTP client would send. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    /** Echoes text frames, upgrading by hand under the server-level WebSocket handler (the web chat's way). */
    private static final class EchoSocketApp implements WebApp {

        @Override
        public String pathPrefix() {
            return "/echo";
        }

        @Override
        public Handler handler(Server server, WebContext context) {
            WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, container -> { });
            ServerWebSocketContainer sockets = upgrade.getServerWebSocketContainer();
            upgrade.setHandler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) throws Exception {
                    if (!"/echo/socket".equals(request.getHttpURI().getPath()) || !context.sameOrigin(request)) {
                        return false;
                    }
                    String client = context.clientAddress(request).getHostAddress();
                    return sockets.upgrade((upgradeRequest, upgradeResponse, upgradeCallback) -> new Echo(client),
                            request, response, callback);
                }
            });
            return upgrade;
        }
    }

    /** One echoing socket; public, as Jetty calls its methods through public method handles. */
    public static final class Echo implements Session.Listener.AutoDemanding {

        private final String client;
        private Session session;

        Echo(String client) {
            this.client = client;
        }

        @Override
        public void onWebSocketOpen(Session opened) {
            session = opened;
        }

        @Override
        public void onWebSocketText(String text) {
            session.sendText(text + " from " + client, org.eclipse.jetty.websocket.api.Callback.NOOP);
        }
    }

    /** Answers what the server made of a request: client address and scheme, origin check; files; a failure. */
    private static final class ProbeApp implements WebApp {

        private final String prefix;

        ProbeApp() {
            this("/probe");
        }

        ProbeApp(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public String pathPrefix() {
            return prefix;
        }

        @Override
        public Handler handler(Server server, WebContext context) {
            Handler files = context.classpathFiles("org/majordome/web/files");
            return new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) throws Exception {
                    String path = Request.getPathInContext(request);
                    switch (path) {
                        case "/client" -> {
                            Content.Sink.write(response, true, context.clientAddress(request).getHostAddress()
                                    + " secure=" + context.secure(request), callback);
                            return true;
                        }
                        case "/origin" -> {
                            Content.Sink.write(response, true, String.valueOf(context.sameOrigin(request)), callback);
                            return true;
                        }
                        case "/fail" -> throw new IllegalStateException("probe failure with a secret inside");
                        case "/rewritten" -> {
                            // As an app may do: the file named by a URI of its own making, outside the context.
                            HttpURI file = HttpURI.build(request.getHttpURI()).path("/hello.txt").asImmutable();
                            return files.handle(new Request.Wrapper(request) {
                                @Override
                                public HttpURI getHttpURI() {
                                    return file;
                                }
                            }, response, callback);
                        }
                        default -> {
                            return path.startsWith("/files/") && files.handle(request, response, callback);
                        }
                    }
                }
            };
        }
    }
}
