package org.majordome.api.room;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 22 item 4: one address per answer, never "admin: admin rolled …". */
class AddressingTest {

    @Test
    void aReplyThatNamesItsAuthorIsNotAddressedTwice() {
        assertThat(Addressing.addressed("admin", "admin rolled 3 + 4")).isEqualTo("admin rolled 3 + 4");
        assertThat(Addressing.addressed("user2", "user2, please stop: flood.")).isEqualTo("user2, please stop: flood.");
        assertThat(Addressing.addressed("bob", "No patting your own back, bob.")).isEqualTo("No patting your own back, bob.");
    }

    @Test
    void aReplyThatDoesNotNameItsAuthorIsAddressedOnce() {
        assertThat(Addressing.addressed("alice", "pong")).isEqualTo("alice: pong");
        assertThat(Addressing.addressed("alice", "bob now has 1 karma.")).isEqualTo("alice: bob now has 1 karma.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Admin rolled 6|admin|true",
            "hello Quiet guest, welcome|Quiet guest|true",
            "bobby rolled 6|bob|false",
            "rolled 6 for xbob|bob|false",
            "bob2 rolled 6|bob|false",
            "(bob) rolled 6|bob|true",
            "the secret is 42|Quiet guest|false",
    })
    void namesMeansTheNickAsAWholeWordIgnoringCase(String text, String nick, boolean names) {
        assertThat(Addressing.names(text, nick)).isEqualTo(names);
    }
}
