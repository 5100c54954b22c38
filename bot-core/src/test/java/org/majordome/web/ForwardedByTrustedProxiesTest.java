package org.majordome.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;

import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/** Which hop of a forwarded chain is the client: the right-most one no trusted proxy is. */
class ForwardedByTrustedProxiesTest {

    private static final InetAddress PROXY = address("127.0.0.1");

    @Test
    void theAddressATrustedProxyAppendedIsTheClientNotTheOneTheClientWroteBeforeIt() {
        ForwardedByTrustedProxies customizer = new ForwardedByTrustedProxies(List.of("127.0.0.1"));

        InetAddress client = customizer.client(HttpFields.build().add("X-Forwarded-For", "198.51.100.66, 203.0.113.7"),
                PROXY);

        assertThat(client).isEqualTo(address("203.0.113.7"));
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedBackToTheFirstUntrustedHop() {
        ForwardedByTrustedProxies customizer = new ForwardedByTrustedProxies(List.of("127.0.0.1", "10.0.0.0/8"));

        InetAddress client = customizer.client(HttpFields.build()
                .add("X-Forwarded-For", "198.51.100.66, 203.0.113.7")
                .add("X-Forwarded-For", "10.1.2.3"), PROXY);

        assertThat(client).isEqualTo(address("203.0.113.7"));
    }

    @Test
    void forwardedIsPreferredAndItsQuotedBracketedPortedAddressesAreRead() {
        ForwardedByTrustedProxies customizer = new ForwardedByTrustedProxies(List.of("127.0.0.1"));

        InetAddress client = customizer.client(HttpFields.build()
                .add("Forwarded", "for=192.0.2.1;proto=http, For=\"[2001:db8:cafe::17]:4711\";proto=https")
                .add("X-Forwarded-For", "198.51.100.66"), PROXY);

        assertThat(client).isEqualTo(address("2001:db8:cafe::17"));
    }

    @Test
    void anUnknownOrObfuscatedHopLeavesTheLastProxyThatSpoke() {
        ForwardedByTrustedProxies customizer = new ForwardedByTrustedProxies(List.of("127.0.0.1", "10.0.0.0/8"));

        InetAddress client = customizer.client(HttpFields.build().add("Forwarded", "for=unknown, for=10.0.0.5"),
                PROXY);
        InetAddress garbage = customizer.client(HttpFields.build().add("X-Forwarded-For", "<script>"), PROXY);

        assertThat(client).isEqualTo(address("10.0.0.5"));
        assertThat(garbage).isEqualTo(PROXY);
    }

    @Test
    void onlyLiteralAddressesAreReadFromHopsNeverNames() {
        assertThat(ForwardedByTrustedProxies.literal("203.0.113.7:8080")).contains(address("203.0.113.7"));
        assertThat(ForwardedByTrustedProxies.literal("2001:db8::1")).contains(address("2001:db8::1"));
        assertThat(ForwardedByTrustedProxies.literal("\"[::1]\"")).contains(address("::1"));
        assertThat(ForwardedByTrustedProxies.literal("localhost")).isEmpty();
        assertThat(ForwardedByTrustedProxies.literal("_hidden")).isEmpty();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
