package org.majordome.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HarnessArgsTest {

    @Test
    void readsEachKindOfValueAndFallsBackToTheDefault() {
        HarnessArgs args = HarnessArgs.parse(new String[] {"rooms=20", "nagle=false", "spam=500ms", "heap=1g",
                "poll=7"});

        assertThat(args.integer("rooms", 1)).isEqualTo(20);
        assertThat(args.integer("trials", 1000)).isEqualTo(1000);
        assertThat(args.flag("nagle", true)).isFalse();
        assertThat(args.duration("spam", "10s")).isEqualTo(Duration.ofMillis(500));
        assertThat(args.duration("restart", "5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(args.text("heap", "")).isEqualTo("1g");
        assertThat(args.longInteger("poll", 50)).isEqualTo(7);
    }

    @Test
    void refusesAnArgumentWithoutEqualsAndADurationWithoutUnit() {
        assertThatThrownBy(() -> HarnessArgs.parse(new String[] {"rooms"})).hasMessageContaining("rooms");
        assertThatThrownBy(() -> HarnessArgs.parse(new String[] {"spam=10"}).duration("spam", "1s"))
                .hasMessageContaining("spam");
    }
}
