package org.majordome.testkit;

import java.util.Objects;
import java.util.Optional;

import org.majordome.api.event.Affiliation;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.Role;

/**
 * Describes someone who joins a {@link TestRoom}: nick, role, affiliation, and what the room reveals about
 * them (real JID, occupant id). Defaults: participant, no affiliation, real JID hidden, and an occupant id
 * made up by the room when it offers XEP-0421.
 *
 * <pre>{@code
 * room.join(TestOccupant.nick("boss").role(Role.MODERATOR).affiliation(Affiliation.OWNER).realJid("boss@example.org"));
 * }</pre>
 */
public final class TestOccupant {

    private final String nick;
    private Role role = Role.PARTICIPANT;
    private Affiliation affiliation = Affiliation.NONE;
    private Optional<String> realJid = Optional.empty();
    private Optional<String> occupantId = Optional.empty();

    private TestOccupant(String nick) {
        this.nick = Objects.requireNonNull(nick, "nick");
    }

    public static TestOccupant nick(String nick) {
        return new TestOccupant(nick);
    }

    public TestOccupant role(Role role) {
        this.role = Objects.requireNonNull(role, "role");
        return this;
    }

    public TestOccupant affiliation(Affiliation affiliation) {
        this.affiliation = Objects.requireNonNull(affiliation, "affiliation");
        return this;
    }

    /** The bare real JID the room shows the bot (non-anonymous room, or the bot is a moderator). */
    public TestOccupant realJid(String bareJid) {
        this.realJid = Optional.of(bareJid);
        return this;
    }

    /** The room's stable anonymous id (XEP-0421); without it the room makes one up if it offers the feature. */
    public TestOccupant occupantId(String id) {
        this.occupantId = Optional.of(id);
        return this;
    }

    Occupant toOccupant(Optional<String> generatedOccupantId) {
        return new Occupant(nick, realJid, occupantId.or(() -> generatedOccupantId), role, affiliation);
    }

    String nick() {
        return nick;
    }
}
