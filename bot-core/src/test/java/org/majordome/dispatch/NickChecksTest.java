package org.majordome.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.majordome.api.room.NickCheck;

/** The plugins' nick checks asked as one (what the web chat's nick chooser asks before a visitor joins). */
class NickChecksTest {

    private static final String ROOM = "lobby@conference.example.org";

    @Test
    void theFirstRefusalWinsAThrowingCheckObjectsToNothingAndAWithdrawnCheckIsNotAsked() {
        NickChecks checks = new NickChecks();
        checks.register("broken", (room, nick) -> {
            throw new IllegalStateException("a plugin's bug");
        });
        NickCheck.Registration first = checks.register("first",
                (room, nick) -> nick.equals("Boss") ? Optional.of("not Boss") : Optional.empty());
        checks.register("second", (room, nick) -> Optional.of("second says no to " + nick + " in " + room));

        assertThat(checks.refusal("Lobby@Conference.example.org", "Boss")).contains("not Boss");
        assertThat(checks.refusal(ROOM, "Ann")).contains("second says no to Ann in " + ROOM);

        first.close();
        first.close();
        assertThat(checks.refusal(ROOM, "Boss")).contains("second says no to Boss in " + ROOM);
        checks.release("second");
        assertThat(checks.refusal(ROOM, "Boss")).isEmpty();
        assertThat(checks.registeredBy()).containsOnlyKeys("broken");
    }
}
