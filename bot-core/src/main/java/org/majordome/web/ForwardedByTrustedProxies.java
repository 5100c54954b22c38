package org.majordome.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.majordome.config.AddressRange;

/**
 * Believes {@code Forwarded} (RFC 7239) and {@code X-Forwarded-*} headers only from a trusted proxy.
 *
 * <p>Jetty's {@link ForwardedRequestCustomizer} believes them from anyone: whoever connects could claim any address
 * (and escape a ban by address) or claim HTTPS. So it runs only when the peer, the address the connection really
 * comes from, is in {@code web.trusted-proxies}; then it gives the request the scheme, host and port the proxy
 * received. The client address is not its left-most {@code for} (which the client itself may have written, since
 * common proxies append to the header they receive): the chain is walked from the peer leftwards, each trusted hop
 * vouching for the one before it, and the first address not trusted is the client's.
 */
final class ForwardedByTrustedProxies implements HttpConfiguration.Customizer {

    private final List<AddressRange> trusted;
    private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

    ForwardedByTrustedProxies(List<String> trustedProxies) {
        trusted = trustedProxies.stream().map(AddressRange::parse).toList();
        // A header naming a TLS session id or cipher would make the request secure: no proxy of ours sends them.
        forwarded.setForwardedCipherSuiteHeader(null);
        forwarded.setForwardedSslSessionIdHeader(null);
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        Optional<InetAddress> peer = address(request.getConnectionMetaData().getRemoteSocketAddress());
        if (peer.isEmpty() || !isTrusted(peer.get())) {
            return request;
        }
        InetAddress client = client(request.getHeaders(), peer.get());
        Request customized = forwarded.customize(request, responseHeaders);
        InetSocketAddress remote = new InetSocketAddress(client, 0);
        ConnectionMetaData metaData = new ConnectionMetaData.Wrapper(customized.getConnectionMetaData()) {
            @Override
            public SocketAddress getRemoteSocketAddress() {
                return remote;
            }
        };
        return new Request.Wrapper(customized) {
            @Override
            public ConnectionMetaData getConnectionMetaData() {
                return metaData;
            }
        };
    }

    boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    /** The client behind a trusted peer: the right-most hop of the chain that no trusted proxy is. */
    InetAddress client(HttpFields headers, InetAddress peer) {
        List<String> hops = hops(headers);
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                // "unknown", an obfuscated name or garbage: the last proxy that spoke is all we know.
                break;
            }
            client = hop.get();
        }
        return client;
    }

    /** The forwarded-for chain, oldest first: from {@code Forwarded} when present, else {@code X-Forwarded-For}. */
    private static List<String> hops(HttpFields headers) {
        List<String> hops = new ArrayList<>();
        for (HttpField field : headers.getFields(HttpHeader.FORWARDED)) {
            for (String element : field.getValue().split(",")) {
                for (String pair : element.split(";")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0 && pair.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("for")) {
                        hops.add(pair.substring(equals + 1).strip());
                    }
                }
            }
        }
        if (!hops.isEmpty()) {
            return hops;
        }
        for (HttpField field : headers.getFields(HttpHeader.X_FORWARDED_FOR)) {
            for (String hop : field.getValue().split(",")) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }

    /** A hop's address: {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code "[2001:db8::1]:4711"}, {@code 2001:db8::1}. */
    static Optional<InetAddress> literal(String hop) {
        String text = hop.startsWith("\"") && hop.endsWith("\"") && hop.length() > 1
                ? hop.substring(1, hop.length() - 1) : hop;
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            text = end < 0 ? "" : text.substring(1, end);
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            text = text.substring(0, text.indexOf(':'));
        }
        try {
            return Optional.of(InetAddress.getByAddress(AddressRange.literal(text)));
        } catch (IllegalArgumentException | UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    /** The address of a socket address, when it has one (a forwarded one may be unresolved text). */
    static Optional<InetAddress> address(SocketAddress socket) {
        if (socket instanceof InetSocketAddress inet) {
            return inet.isUnresolved() ? literal(inet.getHostString()) : Optional.of(inet.getAddress());
        }
        return Optional.empty();
    }
}
