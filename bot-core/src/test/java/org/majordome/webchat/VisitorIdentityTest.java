package org.majordome.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.storage.PluginStorage;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;
import org.majordome.store.StorageService;

/** Visitors' identities (the signed cookie, keyed address hashes) and the bans that hold on them, in storage. */
class VisitorIdentityTest {

    private final Database database = Database.open(DatabaseSettings.jdbc(
            "jdbc:h2:mem:webchat-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", null));
    private final PluginStorage storage = new StorageService(database).forPlugin(WebChat.STORAGE);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aCookieTheBotSignedIsRecognisedAgainAfterARestartAndAForgedOneIsNot() {
        VisitorIds ids = VisitorIds.kept(storage, new SecureRandom());
        String cookie = ids.issue();
        String id = ids.verify(cookie).orElseThrow();
        // A restart reads the same key from storage: the visitor keeps their identity.
        assertThat(VisitorIds.kept(storage, new SecureRandom()).verify(cookie)).contains(id);
        String otherId = VisitorIds.kept(storage, new SecureRandom()).issue().substring(0, 22);
        assertThat(ids.verify(otherId + cookie.substring(22))).isEmpty();
        char last = cookie.charAt(cookie.length() - 1);
        assertThat(ids.verify(cookie.substring(0, cookie.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEmpty();
        assertThat(ids.verify("")).isEmpty();
        assertThat(ids.verify(".")).isEmpty();
        assertThat(ids.verify(null)).isEmpty();
        assertThat(ids.verify("x".repeat(10_000))).isEmpty();
        // Another bot (another key) does not accept this one's cookies.
        byte[] otherKey = new byte[32];
        assertThat(new VisitorIds(otherKey, new SecureRandom()).verify(cookie)).isEmpty();
    }

    @Test
    void addressesAreKeptOnlyAsKeyedHashes() throws Exception {
        VisitorIds ids = VisitorIds.kept(storage, new SecureRandom());
        InetAddress address = InetAddress.getByName("192.0.2.7");
        String hash = ids.addressHash(address);
        assertThat(hash).isEqualTo(ids.addressHash(InetAddress.getByName("192.0.2.7")))
                .isNotEqualTo(ids.addressHash(InetAddress.getByName("192.0.2.8")))
                .doesNotContain("192.0.2.7");
    }

    @Test
    void aWebBanHoldsOnTheCookieAndTheAddressInItsRoomOnlyUntilItIsLifted() {
        WebBans bans = new WebBans(storage, Set.of(WebBans.COOKIE, WebBans.ADDRESS));
        Visitor.Identity banned = new Visitor.Identity("cookieA", "addressA");
        String room = "lobby@conference.example.org";
        String session = "visitors@example.org/majordome-web-abc";
        bans.ban(room, banned, session, "spam");
        assertThat(bans.banned(room, banned)).isTrue();
        assertThat(bans.banned(room, new Visitor.Identity("cookieA", "elsewhere"))).as("same browser").isTrue();
        assertThat(bans.banned(room, new Visitor.Identity("fresh", "addressA"))).as("same address").isTrue();
        assertThat(bans.banned(room, new Visitor.Identity("fresh", "elsewhere"))).isFalse();
        assertThat(bans.banned("other@conference.example.org", banned)).isFalse();
        assertThat(new WebBans(storage, Set.of()).banned(room, banned)).as("kept in storage").isTrue();
        assertThat(bans.unban(room, "visitors@example.org/majordome-web-other")).isFalse();
        assertThat(bans.unban(room, session)).isTrue();
        assertThat(bans.banned(room, banned)).isFalse();
    }

    @Test
    void aBanByCookieAloneLetsTheSameAddressIn() {
        WebBans bans = new WebBans(storage, Set.of(WebBans.COOKIE));
        String room = "lobby@conference.example.org";
        bans.ban(room, new Visitor.Identity("cookieA", "addressA"), "v@example.org/majordome-web-x", null);
        assertThat(bans.banned(room, new Visitor.Identity("fresh", "addressA"))).isFalse();
        assertThat(bans.banned(room, new Visitor.Identity("cookieA", "addressB"))).isTrue();
    }
}
