package org.majordome.webchat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.majordome.api.storage.KeyValueStore;

/**
 * Visitors' web identities: the {@code majordome_visitor} cookie holds a random id and its HMAC-SHA256 under a key
 * the bot generates once and keeps in its storage, so a visitor cannot forge another's id (nor make up a fresh
 * one that passes) and ids survive restarts. Addresses are kept only as keyed hashes: a ban by address holds
 * without the database holding anyone's address.
 */
final class VisitorIds {

    static final String COOKIE = "majordome_visitor";
    static final String KEY_ENTRY = "cookie-key";
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();
    /** 16 random bytes, base64url without padding. */
    private static final int ID_CHARS = 22;

    private final SecretKeySpec key;
    private final SecureRandom random;

    VisitorIds(byte[] key, SecureRandom random) {
        this.key = new SecretKeySpec(key.clone(), HMAC);
        this.random = random;
    }

    /** The ids signed with the key kept in {@code store}, made (once) when there is none. */
    static VisitorIds kept(KeyValueStore store, SecureRandom random) {
        // Read and made in one transaction: instances of a cluster starting at once must not each make their own.
        byte[] key = store.transactionResult(tx -> tx.get(KEY_ENTRY).map(B64_DECODE::decode).orElseGet(() -> {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            tx.put(KEY_ENTRY, B64.encodeToString(fresh));
            return fresh;
        }));
        return new VisitorIds(key, random);
    }

    /** A new visitor's cookie value. */
    String issue() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String text = B64.encodeToString(id);
        return text + "." + sign(text);
    }

    /** The visitor id a cookie value carries, when its signature holds. */
    Optional<String> verify(String cookie) {
        if (cookie == null || cookie.length() > 100) {
            return Optional.empty();
        }
        int dot = cookie.indexOf('.');
        if (dot != ID_CHARS) {
            return Optional.empty();
        }
        String id = cookie.substring(0, dot);
        byte[] given = cookie.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = sign(id).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, expected) ? Optional.of(id) : Optional.empty();
    }

    /** A keyed hash of an address, for bans by address. */
    String addressHash(InetAddress address) {
        return sign("address:" + address.getHostAddress());
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return B64.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
