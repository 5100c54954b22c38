package org.majordome.plugins.calendar;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.majordome.plugins.calendar.CalendarConfig.Feed;

/**
 * Fetches a feed's text: a file, or an HTTP(S) resource asked conditionally (RFC 9110 §13.1: If-None-Match with
 * the last ETag, If-Modified-Since with the last Last-Modified) so that an unchanged feed costs a 304.
 */
final class FeedFetcher {

    /** What one fetch gave. */
    sealed interface Outcome {
        /** New text, with the validators to send next time. */
        record Fresh(String ics, Optional<String> etag, Optional<String> lastModified) implements Outcome {
        }

        /** The server says the copy we have is current. */
        record NotModified() implements Outcome {
        }

        /** Nothing usable: the reason, for the log. */
        record Failed(String reason) implements Outcome {
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    FeedFetcher(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    Outcome fetch(Feed feed, Optional<String> etag, Optional<String> lastModified) {
        return feed.http() ? fetchHttp(feed, etag, lastModified) : readFile(feed);
    }

    private Outcome fetchHttp(Feed feed, Optional<String> etag, Optional<String> lastModified) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(feed.source().strip())).timeout(timeout)
                .header("Accept", "text/calendar, */*;q=0.5").GET();
        etag.ifPresent(value -> request.header("If-None-Match", value));
        lastModified.ifPresent(value -> request.header("If-Modified-Since", value));
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            if (status == 304) {
                return new Outcome.NotModified();
            }
            if (status / 100 != 2) {
                return new Outcome.Failed("HTTP " + status);
            }
            return new Outcome.Fresh(response.body(), response.headers().firstValue("ETag"),
                    response.headers().firstValue("Last-Modified"));
        } catch (HttpTimeoutException e) {
            return new Outcome.Failed("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Outcome.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("interrupted");
        } catch (IllegalArgumentException e) {
            return new Outcome.Failed("bad URL: " + e.getMessage());
        }
    }

    private static Outcome readFile(Feed feed) {
        String source = feed.source().strip();
        try {
            Path path = source.toLowerCase(Locale.ROOT).startsWith("file:") ? Path.of(URI.create(source))
                    : Path.of(source);
            return new Outcome.Fresh(Files.readString(path, StandardCharsets.UTF_8), Optional.empty(),
                    Optional.empty());
        } catch (IOException | RuntimeException e) {
            return new Outcome.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
