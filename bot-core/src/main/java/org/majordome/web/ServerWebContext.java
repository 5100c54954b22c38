package org.majordome.web;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;

/**
 * The {@link WebContext} of a {@link WebServer}. Requests reach apps already customized by
 * {@link ForwardedByTrustedProxies}: their remote address, scheme and host are the client's as a trusted proxy
 * saw them, or the connection's own.
 */
final class ServerWebContext implements WebContext {

    private final Optional<Origin> publicOrigin;
    private final ClassLoader loader;

    ServerWebContext(Optional<URI> publicUrl, ClassLoader loader) {
        this.publicOrigin = publicUrl.map(url -> Origin.of(url.getScheme(), url.getHost(), url.getPort()));
        this.loader = loader;
    }

    @Override
    public InetAddress clientAddress(Request request) {
        return ForwardedByTrustedProxies.address(request.getConnectionMetaData().getRemoteSocketAddress())
                .orElseThrow(() -> new IllegalStateException("a request without a client address: "
                        + request.getConnectionMetaData().getRemoteSocketAddress()));
    }

    @Override
    public boolean secure(Request request) {
        return request.isSecure();
    }

    /**
     * A request without {@code Origin} (or with {@code Origin: null}, a sandboxed or privacy-sensitive context)
     * is not same-origin: browsers always send it on WebSocket upgrades and cross-origin requests, so only a
     * non-browser client omits it, and such a client may set it.
     */
    @Override
    public boolean sameOrigin(Request request) {
        String header = request.getHeaders().get(HttpHeader.ORIGIN);
        if (header == null) {
            return false;
        }
        Optional<Origin> origin = Origin.parse(header);
        if (origin.isEmpty()) {
            return false;
        }
        Origin expected = publicOrigin.orElseGet(() -> {
            HttpURI uri = request.getHttpURI();
            return Origin.of(secure(request) ? "https" : "http", uri.getHost(), uri.getPort());
        });
        return origin.get().equals(expected);
    }

    @Override
    public Handler classpathFiles(String directory) {
        return new ClasspathFiles(directory, loader);
    }

    /** Scheme, host and port, compared the way browsers write an {@code Origin}: default ports filled in. */
    record Origin(String scheme, String host, int port) {

        static Origin of(String scheme, String host, int port) {
            String lowerScheme = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
            String bare = host == null ? "" : host.toLowerCase(Locale.ROOT);
            if (bare.startsWith("[") && bare.endsWith("]")) {
                bare = bare.substring(1, bare.length() - 1);
            }
            int effective = port > 0 ? port : lowerScheme.equals("https") ? 443 : 80;
            return new Origin(lowerScheme, bare, effective);
        }

        static Optional<Origin> parse(String header) {
            try {
                URI uri = new URI(header.strip());
                boolean bare = uri.getHost() != null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                        && uri.getRawQuery() == null && uri.getRawUserInfo() == null;
                return bare ? Optional.of(of(uri.getScheme(), uri.getHost(), uri.getPort())) : Optional.empty();
            } catch (Exception notAnOrigin) {
                return Optional.empty();
            }
        }
    }
}
