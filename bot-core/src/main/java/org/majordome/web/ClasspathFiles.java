package org.majordome.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the files of one class-path directory, flat: the request path's last segment names the file
 * ({@code /chat/assets/chat.js} and {@code /chat/chat.js} both serve {@code chat.js}; {@code /chat/} serves
 * {@code index.html}), so an app can mount it under any sub-path without stripping it. Only plain names with a
 * known extension are served (which gives the content type): no sub-directory, no dot file, no way up.
 *
 * <p>Files are read once and kept in memory (pages and their assets are small), with a strong ETag: browsers
 * revalidate them on every load ({@code Cache-Control: no-cache}) and get a 304 while the bot runs the same
 * version, and the new files at once after an upgrade, since the names carry no version.
 */
final class ClasspathFiles extends Handler.Abstract.NonBlocking {

    static final String INDEX = "index.html";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*\\.[a-z0-9]+");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=utf-8"),
            Map.entry("css", "text/css;charset=utf-8"),
            Map.entry("js", "text/javascript;charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("txt", "text/plain;charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("woff2", "font/woff2"));

    private record File(byte[] bytes, String type, String etag) {
    }

    private final String directory;
    private final ClassLoader loader;
    private final Map<String, File> files = new ConcurrentHashMap<>();

    /** @param directory a class-path directory, such as {@code org/majordome/webchat/page} */
    ClasspathFiles(String directory, ClassLoader loader) {
        this.directory = directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
        this.loader = loader;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        // The URI's own path, not the path in context: an app may hand on a request whose URI it rewrote to
        // name the file, outside any context path; only the last segment counts either way.
        String path = request.getHttpURI().getCanonicalPath();
        if (path == null) {
            return false;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        Optional<File> file = find(name.isEmpty() ? INDEX : name);
        if (file.isEmpty()) {
            return false;
        }
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        File found = file.get();
        response.getHeaders().put(HttpHeader.ETAG, found.etag());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        String ifNoneMatch = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.contains(found.etag())) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            callback.succeeded();
            return true;
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, found.type());
        // One last write: Jetty sets the length itself, and sends no body to a HEAD.
        response.write(true, ByteBuffer.wrap(found.bytes()), callback);
        return true;
    }

    private Optional<File> find(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null) {
            return Optional.empty();
        }
        File cached = files.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        // Misses are not remembered: a stranger asking for many names must not fill the memory.
        return read(directory + "/" + name).map(bytes -> files.computeIfAbsent(name,
                key -> new File(bytes, type, etag(bytes))));
    }

    private Optional<byte[]> read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the class path", e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
