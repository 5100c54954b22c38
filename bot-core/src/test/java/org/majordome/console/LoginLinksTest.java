package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.majordome.testkit.TestClock;

/** One-time login links: long, random, hashed where kept, short-lived, used once; a GET only peeks. */
class LoginLinksTest {

    private final TestClock clock = new TestClock();
    private final LoginLinks links = new LoginLinks(new Tokens(new SecureRandom()), clock, Duration.ofMinutes(5),
            LoginRecords.inMemory());

    @Test
    void aLinkLogsItsJidInOnceAndNeverAgain() {
        String token = links.issue("ann@example.org");

        assertThat(links.redeem(token)).contains("ann@example.org");
        assertThat(links.redeem(token)).isEmpty();
        assertThat(links.peek(token)).isEmpty();
    }

    @Test
    void openingTheLinkOnlyPeeksSoThatALinkPreviewDoesNotUseItUp() {
        String token = links.issue("ann@example.org");

        assertThat(links.peek(token)).contains("ann@example.org");
        assertThat(links.peek(token)).contains("ann@example.org");
        assertThat(links.redeem(token)).contains("ann@example.org");
    }

    @Test
    void aLinkExpiresAfterItsLifetime() {
        String token = links.issue("ann@example.org");
        clock.advance(Duration.ofMinutes(5));

        assertThat(links.peek(token)).isEmpty();
        assertThat(links.redeem(token)).isEmpty();
        assertThat(links.pending()).isZero();
    }

    @Test
    void aLinkIsUsableJustBeforeItExpires() {
        String token = links.issue("ann@example.org");
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));

        assertThat(links.redeem(token)).contains("ann@example.org");
    }

    @Test
    void tokensAreLongRandomAndDistinct() {
        String first = links.issue("ann@example.org");
        String second = links.issue("ann@example.org");

        assertThat(first).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(second);
        // Each link of the same JID is its own: using one leaves the other valid.
        assertThat(links.redeem(first)).contains("ann@example.org");
        assertThat(links.redeem(second)).contains("ann@example.org");
    }

    @Test
    void malformedOrUnknownTokensLogNobodyIn() {
        links.issue("ann@example.org");

        assertThat(links.redeem("")).isEmpty();
        assertThat(links.redeem(null)).isEmpty();
        assertThat(links.redeem("../../etc/passwd")).isEmpty();
        assertThat(links.redeem("A".repeat(43))).isEmpty();
    }

    @Test
    void aTokenIsKeptOnlyAsItsHash() {
        Map<String, LoginRecords.Entry> kept = new HashMap<>();
        LoginRecords memory = LoginRecords.inMemory();
        LoginRecords watched = new LoginRecords() {
            @Override
            public void put(String hash, Entry entry) {
                kept.put(hash, entry);
                memory.put(hash, entry);
            }

            @Override
            public Optional<Entry> get(String hash) {
                return memory.get(hash);
            }

            @Override
            public Optional<Entry> take(String hash) {
                return memory.take(hash);
            }

            @Override
            public int prune(Instant now, int cap) {
                return memory.prune(now, cap);
            }
        };
        String token = new LoginLinks(new Tokens(new SecureRandom()), clock, Duration.ofMinutes(5), watched)
                .issue("ann@example.org");

        assertThat(kept.keySet()).singleElement().isEqualTo(Tokens.hash(token)).isNotEqualTo(token);
        assertThat(kept.values().toString()).doesNotContain(token);
    }
}
