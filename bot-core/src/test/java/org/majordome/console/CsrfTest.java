package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The check before every console POST: this server's origin and the session's own token, both. */
class CsrfTest {

    private static final String TOKEN = "Q".repeat(43);

    @Test
    void aFormOfThisServerWithTheSessionsTokenPasses() {
        assertThat(Csrf.passes(true, Optional.of(TOKEN), TOKEN)).isTrue();
    }

    @Test
    void aForgedCrossSitePostIsRefusedEvenWithTheRightToken() {
        assertThat(Csrf.passes(false, Optional.of(TOKEN), TOKEN)).isFalse();
    }

    @Test
    void aPostWithoutTheTokenOrWithAnotherIsRefused() {
        assertThat(Csrf.passes(true, Optional.empty(), TOKEN)).isFalse();
        assertThat(Csrf.passes(true, Optional.of("R".repeat(43)), TOKEN)).isFalse();
        assertThat(Csrf.passes(true, Optional.of(""), TOKEN)).isFalse();
        assertThat(Csrf.passes(true, Optional.of(TOKEN + "x"), TOKEN)).isFalse();
    }
}
