package org.majordome.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.majordome.api.command.CommandScope;
import org.majordome.api.command.CommandSender;
import org.majordome.api.command.Permission;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.Role;

class PermissionResolverTest {

    private final PermissionResolver resolver = new PermissionResolver(List.of("Boss@Example.org"));

    private static CommandSender inRoom(Occupant occupant) {
        return new CommandSender(Optional.of(occupant), occupant.realJid(), Optional.empty());
    }

    @ParameterizedTest(name = "{0}/{1} in a room is {2}")
    @CsvSource({
            "VISITOR,     NONE,   ANYONE",
            "VISITOR,     MEMBER, ANYONE",
            "PARTICIPANT, NONE,   PARTICIPANT",
            "PARTICIPANT, MEMBER, MEMBER",
            "MODERATOR,   NONE,   MODERATOR",
            "MODERATOR,   MEMBER, MODERATOR",
            "MODERATOR,   ADMIN,  ADMIN",
            "MODERATOR,   OWNER,  ADMIN",
            "VISITOR,     ADMIN,  ADMIN",
            "NONE,        NONE,   ANYONE",
    })
    void roomStandingComesFromRoleAndAffiliation(Role role, Affiliation affiliation, Permission expected) {
        Occupant occupant = Fixtures.occupant("someone", role, affiliation);
        assertThat(resolver.resolve(CommandScope.ROOM, inRoom(occupant))).isEqualTo(expected);
        assertThat(resolver.resolve(CommandScope.PRIVATE, inRoom(occupant))).isEqualTo(expected);
    }

    @Test
    void aParticipantNamedLikeTheAdminIsNoAdmin() {
        Occupant impostor = Fixtures.occupant("boss@example.org", Role.PARTICIPANT, Affiliation.NONE);
        Occupant impostorNamedBoss = Fixtures.occupant("Boss", "mallory@evil.example", Role.PARTICIPANT, Affiliation.NONE);
        assertThat(resolver.resolve(CommandScope.ROOM, inRoom(impostor))).isEqualTo(Permission.PARTICIPANT);
        assertThat(resolver.resolve(CommandScope.ROOM, inRoom(impostorNamedBoss))).isEqualTo(Permission.PARTICIPANT);
    }

    @Test
    void theBotAdminIsKnownByRealJidInARoomWhateverTheNick() {
        Occupant admin = Fixtures.occupant("just-a-visitor", "boss@example.org", Role.VISITOR, Affiliation.NONE);
        assertThat(resolver.resolve(CommandScope.ROOM, inRoom(admin))).isEqualTo(Permission.BOT_ADMIN);
    }

    @Test
    void inADirectChatOnlyTheBareJidCounts() {
        CommandSender boss = new CommandSender(Optional.empty(), Optional.of("boss@example.org"),
                Optional.of("boss@example.org/laptop"));
        CommandSender stranger = new CommandSender(Optional.empty(), Optional.of("alice@example.org"),
                Optional.of("alice@example.org/laptop"));
        assertThat(resolver.resolve(CommandScope.DIRECT, boss)).isEqualTo(Permission.BOT_ADMIN);
        assertThat(resolver.resolve(CommandScope.DIRECT, stranger)).isEqualTo(Permission.ANYONE);
    }

    @Test
    void roomStandingIsNotCarriedIntoADirectChat() {
        Occupant owner = Fixtures.occupant("owner", "owner@example.org", Role.MODERATOR, Affiliation.OWNER);
        CommandSender sameOwnerDirect = new CommandSender(Optional.of(owner), Optional.of("owner@example.org"),
                Optional.of("owner@example.org/x"));
        assertThat(resolver.resolve(CommandScope.DIRECT, sameOwnerDirect)).isEqualTo(Permission.ANYONE);
    }
}
