package org.majordome.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

/** The addresses and CIDR ranges of {@code web.trusted-proxies}. */
class AddressRangeTest {

    @Test
    void aSingleAddressContainsOnlyItself() throws Exception {
        AddressRange loopback = AddressRange.parse("127.0.0.1");

        assertThat(loopback.contains(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(loopback.contains(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(loopback.contains(InetAddress.getByName("::1"))).isFalse();
    }

    @Test
    void aRangeContainsTheAddressesUnderItsPrefix() throws Exception {
        AddressRange tens = AddressRange.parse("10.0.0.0/8");
        AddressRange odd = AddressRange.parse("192.168.1.128/25");
        AddressRange ula = AddressRange.parse("fd00::/8");

        assertThat(tens.contains(InetAddress.getByName("10.200.3.4"))).isTrue();
        assertThat(tens.contains(InetAddress.getByName("11.0.0.1"))).isFalse();
        assertThat(odd.contains(InetAddress.getByName("192.168.1.200"))).isTrue();
        assertThat(odd.contains(InetAddress.getByName("192.168.1.100"))).isFalse();
        assertThat(ula.contains(InetAddress.getByName("fd12:3456::1"))).isTrue();
        assertThat(ula.contains(InetAddress.getByName("fe80::1"))).isFalse();
        assertThat(AddressRange.parse("0.0.0.0/0").contains(InetAddress.getByName("203.0.113.9"))).isTrue();
    }

    @Test
    void hostNamesPrefixesTooLongAndGarbageAreRefusedWithoutAskingANameServer() {
        for (String text : new String[] {"localhost", "proxy.example.org", "10.0.0.0/33", "::1/129", "10.0.0",
                "256.1.1.1", "1.2.3.4/", "/8", "", "1.2.3.4/-1", "x:y"}) {
            assertThatThrownBy(() -> AddressRange.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
