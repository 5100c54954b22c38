package org.majordome.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.majordome.config.WebChatSettings;
import org.majordome.testkit.TestClock;

/** The gateway's limits: places per room and in all, sockets per address, messages per minute. */
class GatewayLimitsTest {

    static WebChatSettings settings(int perRoom, int total, int perAddress, int perMinute) {
        return new WebChatSettings(Optional.empty(), Optional.empty(), perRoom, total, perAddress, perMinute, 1000,
                Duration.ofMinutes(30), Set.of("cookie", "address"));
    }

    @Test
    void aRoomAndTheGatewayTakeNoMoreVisitorsThanTheirLimitsAndFreePlacesAgain() {
        GatewayLimits limits = new GatewayLimits(settings(2, 3, 9, 20));
        assertThat(limits.enter("a")).isTrue();
        assertThat(limits.enter("a")).isTrue();
        assertThat(limits.enter("a")).as("room full").isFalse();
        assertThat(limits.enter("b")).isTrue();
        assertThat(limits.enter("c")).as("gateway full").isFalse();
        assertThat(limits.visitors()).isEqualTo(3);
        limits.leave("a");
        assertThat(limits.visitorsIn("a")).isEqualTo(1);
        assertThat(limits.enter("c")).isTrue();
    }

    @Test
    void oneAddressOpensNoMoreSocketsThanItsShare() {
        GatewayLimits limits = new GatewayLimits(settings(50, 200, 2, 20));
        assertThat(limits.openSocket("x")).isTrue();
        assertThat(limits.openSocket("x")).isTrue();
        assertThat(limits.openSocket("x")).isFalse();
        assertThat(limits.openSocket("y")).isTrue();
        limits.closeSocket("x");
        assertThat(limits.openSocket("x")).isTrue();
    }

    @Test
    void aVisitorSendsNoMoreThanTheirMessagesPerMinuteInAnySlidingMinute() {
        TestClock clock = new TestClock();
        MessageRate rate = new MessageRate(3, clock);
        assertThat(rate.tryTake()).isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(rate.tryTake()).isTrue();
        assertThat(rate.tryTake()).isTrue();
        assertThat(rate.tryTake()).as("fourth within a minute").isFalse();
        clock.advance(Duration.ofSeconds(31));
        assertThat(rate.tryTake()).as("the first has left the window").isTrue();
        assertThat(rate.tryTake()).isFalse();
    }

    @Test
    void nicksThatHideOrReorderTextAreRefused() {
        assertThat(VisitorNicks.valid("  Ann  ")).hasToString("Ann");
        assertThat(VisitorNicks.valid("Zoé ☕")).isNotNull();
        assertThat(VisitorNicks.valid("")).isNull();
        assertThat(VisitorNicks.valid("   ")).isNull();
        assertThat(VisitorNicks.valid(null)).isNull();
        assertThat(VisitorNicks.valid("a".repeat(Visitor.MAX_NICK + 1))).isNull();
        assertThat(VisitorNicks.valid("evil\u202Egnp.exe")).isNull();
        assertThat(VisitorNicks.valid("zero\u200Bwidth")).isNull();
        assertThat(VisitorNicks.valid("line\nbreak")).isNull();
    }
}
