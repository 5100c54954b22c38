package org.majordome.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

import org.majordome.text.Phrase;

/**
 * An IP address or a CIDR range ({@code 127.0.0.1}, {@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}), as
 * {@code web.trusted-proxies} lists them. Parsing never asks a name server: only literal addresses are taken.
 */
public final class AddressRange {

    /** What a valid value is, for configuration messages. */
    public static final Phrase EXPECTED = Phrase.of("config.expected.address-range");

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private AddressRange(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException when the text is not a literal address or range
     */
    public static AddressRange parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        byte[] bytes = literal(address);
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = value.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                throw new IllegalArgumentException("bad prefix length: " + text);
            }
            prefix = Integer.parseInt(length);
        }
        return new AddressRange(masked(bytes, prefix), prefix, value);
    }

    /**
     * The bytes of a literal IPv4 or IPv6 address (an IPv4-mapped IPv6 address gives its IPv4 bytes), never
     * looked up as a name.
     *
     * @throws IllegalArgumentException when the text is not a literal address
     */
    public static byte[] literal(String address) {
        boolean v4 = IPV4.matcher(address).matches()
                && Arrays.stream(address.split("\\.")).allMatch(part -> Integer.parseInt(part) <= 255);
        if (!v4 && !IPV6.matcher(address).matches()) {
            throw new IllegalArgumentException("not a literal IP address: " + address);
        }
        try {
            // Literals only (checked above), so this never looks a name up.
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a literal IP address: " + address, e);
        }
    }

    private static byte[] masked(byte[] bytes, int prefix) {
        byte[] result = bytes.clone();
        for (int i = 0; i < result.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            result[i] = (byte) (result[i] & (0xff00 >> keep));
        }
        return result;
    }

    /** Whether the address is in this range (an IPv4 address is never in an IPv6 range, and the other way). */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(masked(bytes, prefixLength), network);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange that && prefixLength == that.prefixLength
                && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefixLength, Arrays.hashCode(network));
    }

    @Override
    public String toString() {
        return text;
    }
}
