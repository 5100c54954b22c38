package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.majordome.testkit.TestClock;

/** Console sessions: found by their cookie while they last, each with its own CSRF token, ended by logout. */
class SessionsTest {

    private final TestClock clock = new TestClock();
    private final Sessions sessions = new Sessions(new Tokens(new SecureRandom()), clock, Duration.ofHours(8),
            LoginRecords.inMemory());

    @Test
    void aSessionIsFoundByItsCookieUntilItExpires() {
        Sessions.Started started = sessions.start("ann@example.org");

        assertThat(sessions.find(started.cookie())).contains(started.session());
        assertThat(started.session().expires()).isEqualTo(TestClock.START.plus(Duration.ofHours(8)));
        clock.advance(Duration.ofHours(8));
        assertThat(sessions.find(started.cookie())).isEmpty();
        assertThat(sessions.active()).isZero();
    }

    @Test
    void logoutEndsTheSessionAndOnlyThatOne() {
        Sessions.Started ann = sessions.start("ann@example.org");
        Sessions.Started bob = sessions.start("bob@example.org");

        sessions.end(ann.cookie());

        assertThat(sessions.find(ann.cookie())).isEmpty();
        assertThat(sessions.find(bob.cookie())).isPresent();
    }

    @Test
    void eachSessionHasItsOwnCsrfTokenUnlikeItsCookie() {
        Sessions.Started first = sessions.start("ann@example.org");
        Sessions.Started second = sessions.start("ann@example.org");

        assertThat(first.session().csrf()).isNotEqualTo(second.session().csrf()).isNotEqualTo(first.cookie());
        assertThat(first.cookie()).isNotEqualTo(second.cookie());
    }

    @Test
    void anUnknownOrMalformedCookieFindsNothing() {
        sessions.start("ann@example.org");

        assertThat(sessions.find("B".repeat(43))).isEmpty();
        assertThat(sessions.find("not a cookie")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }
}
