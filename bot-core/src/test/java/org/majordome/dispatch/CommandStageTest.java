package org.majordome.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.majordome.api.NoConfig;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.command.CommandScope;
import org.majordome.api.command.CommandSpec;
import org.majordome.api.command.Permission;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.Role;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.RoomAction.Kicked;
import org.majordome.testkit.RoomAction.Replied;
import org.majordome.testkit.RoomAction.SentPrivately;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

class CommandStageTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final String GARDEN = "garden@conference.example.org";
    private static final String BOSS = "boss@example.org";

    /** A moderation-like plugin with commands at several levels. */
    public static class Moderation implements Plugin<NoConfig> {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "moderation";
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
            context.commands().register(CommandSpec.builder("shout").help("Says it loud.").usage("<text>")
                    .arguments(1, -1).build(), invocation -> invocation.reply(invocation.argumentsFrom(0).toUpperCase()));
        }

        @Command(name = "kick", aliases = "k", usage = "<nick> [reason]", help = "Removes someone from the room.",
                permission = Permission.MODERATOR, minArgs = 1)
        public void kick(CommandInvocation invocation) {
            calls.add("kick " + invocation.arguments());
            invocation.room().orElseThrow().kick(invocation.argument(0).orElseThrow(), invocation.argumentsFrom(1));
        }

        @Command(name = "ping", help = "Answers pong.", scopes = {CommandScope.ROOM, CommandScope.PRIVATE, CommandScope.DIRECT})
        public void ping(CommandInvocation invocation) {
            invocation.reply("pong");
        }

        @Command(name = "reload", help = "Reloads the configuration.", permission = Permission.BOT_ADMIN,
                scopes = {CommandScope.ROOM, CommandScope.DIRECT})
        public void reload(CommandInvocation invocation) {
            calls.add("reload by " + invocation.sender().displayName());
            invocation.reply("reloaded");
        }

        @Command(name = "crash", help = "Fails.")
        public void crash(CommandInvocation invocation) {
            throw new IllegalStateException("crash on purpose");
        }
    }

    private final Moderation moderation = new Moderation();
    private final PluginTestKit kit = PluginTestKit.builder().plugin(moderation)
            .room(LOBBY).roomWithoutPlugins(GARDEN).botAdmins(BOSS).start();
    private final TestRoom lobby = kit.room(LOBBY);

    CommandStageTest() {
        lobby.join("alice", Role.PARTICIPANT);
        lobby.join("mod", Role.MODERATOR, Affiliation.MEMBER);
        lobby.join("quiet", Role.VISITOR);
        lobby.join("spammer", Role.PARTICIPANT);
    }

    @Test
    void aModeratorCommandRunsForAModeratorWithItsArguments() {
        lobby.say("mod", "!K spammer \"flooding the room\"");
        assertThat(moderation.calls).containsExactly("kick [spammer, flooding the room]");
        assertThat(lobby.actions()).containsExactly(new Kicked("spammer", "flooding the room"));
        assertThat(lobby.occupant("spammer")).isEmpty();
        assertThat(kit.dispatcher().stats().commandsRun()).isEqualTo(1);
    }

    @Test
    void aParticipantIsRefusedWithAShortAnswerAndTheHandlerNeverRuns() {
        lobby.say("alice", "!kick mod");
        assertThat(moderation.calls).isEmpty();
        assertThat(lobby.actions()).containsExactly(new Replied("alice", "Sorry, !kick needs a moderator."));
        assertThat(kit.dispatcher().stats().commandsRefused()).isEqualTo(1);
    }

    @Test
    void aParticipantNamedLikeTheAdminCannotRunAdminCommands() {
        lobby.join(TestOccupant.nick(BOSS).realJid("mallory@evil.example"));
        lobby.say(BOSS, "!reload");
        assertThat(moderation.calls).isEmpty();
        assertThat(lobby.botSaid()).containsExactly("Sorry, !reload needs a bot admin.");
    }

    @Test
    void theBotAdminIsRecognisedByRealJidInTheRoom() {
        lobby.join(TestOccupant.nick("anybody").realJid(BOSS));
        lobby.say("anybody", "!reload");
        assertThat(moderation.calls).containsExactly("reload by anybody");
    }

    @Test
    void theBotAdminIsRecognisedByJidInADirectChat() {
        kit.directChat().receive(BOSS + "/phone", "!reload");
        kit.directChat().receive("alice@example.org", "!reload");
        assertThat(moderation.calls).containsExactly("reload by " + BOSS);
        assertThat(kit.directChat().sentTo(BOSS + "/phone")).containsExactly("reloaded");
        assertThat(kit.directChat().sentTo("alice@example.org")).containsExactly("Sorry, !reload needs a bot admin.");
    }

    @Test
    void roomOnlyCommandsAreUnknownInADirectChat() {
        kit.directChat().receive(BOSS, "!kick someone");
        assertThat(kit.directChat().sentTo(BOSS)).containsExactly("Unknown command !kick. Send !help for the list.");
    }

    @Test
    void aPrivateMessageIsAnsweredPrivatelyThroughTheRoom() {
        lobby.sayPrivately("alice", "!ping");
        assertThat(lobby.actions()).containsExactly(new SentPrivately("alice", "pong"));
        assertThat(lobby.botSaidPrivatelyTo("alice")).containsExactly("pong");
    }

    @Test
    void aProgrammaticCommandWorksLikeAnAnnotatedOne() {
        lobby.say("alice", "!shout hello there");
        lobby.say("alice", "!shout");
        assertThat(lobby.botSaid()).containsExactly("HELLO THERE", "Usage: !shout <text>");
    }

    @Test
    void commandsOfPluginsNotEnabledInTheRoomAreUnknownThere() {
        TestRoom garden = kit.room(GARDEN);
        garden.join("mod", Role.MODERATOR);
        garden.say("mod", "!ping");
        assertThat(garden.actions()).containsExactly(new Replied("mod", "Unknown command !ping. Send !help for the list."));
    }

    @Test
    void helpListsOnlyWhatTheAskerMayRunHere() {
        lobby.say("alice", "!help");
        lobby.say("mod", "!help");
        assertThat(lobby.actions()).containsExactly(
                new Replied("alice", "Commands you can use here:\n!help [command] — Describes a command.\n"
                        + "!crash — Fails.\n!ping — Answers pong.\n!shout <text> — Says it loud."),
                new Replied("mod", "Commands you can use here:\n!help [command] — Describes a command.\n"
                        + "!crash — Fails.\n!kick <nick> [reason] — Removes someone from the room.\n"
                        + "!ping — Answers pong.\n!shout <text> — Says it loud."));
    }

    @Test
    void helpOnOneCommandHidesWhatTheAskerMayNotRun() {
        lobby.say("mod", "!help k");
        lobby.say("alice", "!help kick");
        assertThat(lobby.botSaid()).containsExactly(
                "!kick <nick> [reason] — Removes someone from the room. Also: !k. Needs a moderator.",
                "Unknown command !kick. Send !help for the list.");
    }

    @Test
    void aMutedOccupantCannotRunParticipantCommandsButMayStillRunOpenOnes() {
        lobby.say("quiet", "!ping");
        assertThat(lobby.actions()).containsExactly(new Replied("quiet", "pong"));
    }

    @Test
    void aFailingCommandIsReportedShortlyAndCounted() {
        lobby.say("alice", "!crash");
        assertThat(lobby.botSaid()).containsExactly("!crash failed; the bot's log says why.");
        assertThat(kit.dispatcher().stats().handlerErrors()).isEqualTo(1);
    }

    @Test
    void anUnclosedQuoteGetsAShortAnswer() {
        lobby.say("mod", "!kick \"spammer");
        assertThat(moderation.calls).isEmpty();
        assertThat(lobby.botSaid()).containsExactly("Cannot read !kick: a quote is not closed.");
    }

    @Test
    void ordinaryTalkAndQuotedRepliesAreNotCommands() {
        lobby.say("mod", "I said !kick spammer");
        lobby.say("mod", "> mod wrote: !kick spammer\nok");
        lobby.say("mod", "!!!");
        assertThat(lobby.actions()).isEmpty();
    }

    private static final String TOO_MANY = "You sent too many commands: I will answer you again in 2 s.";

    /**
     * Issue 13 item 10, "rate limits answer once": past the allowance, the sender is told once, privately,
     * when they will be heard again; further commands in that window get no answer at all.
     */
    @Test
    void rateLimitsAnswerOnce() {
        for (int i = 0; i < 8; i++) {
            lobby.say("alice", "!ping");
        }
        lobby.say("mod", "!ping");
        assertThat(lobby.actions()).as("alice's allowance is 5; mod has his own")
                .containsExactly(new Replied("alice", "pong"), new Replied("alice", "pong"), new Replied("alice", "pong"),
                        new Replied("alice", "pong"), new Replied("alice", "pong"), new SentPrivately("alice", TOO_MANY),
                        new Replied("mod", "pong"));
        assertThat(lobby.botSaidPrivatelyTo("alice")).containsExactly(TOO_MANY);
        assertThat(kit.dispatcher().stats().commandsRateLimited()).isEqualTo(3);
    }

    @Test
    void aSenderIsRateLimitedAndRecoversWithTime() {
        for (int i = 0; i < 7; i++) {
            lobby.say("alice", "!ping");
        }
        assertThat(lobby.actions()).hasSize(6);

        kit.clock().advance(Duration.ofSeconds(2)); // a fifth of the refill period: one more command
        lobby.say("alice", "!ping");
        assertThat(lobby.actions()).hasSize(7).last().isEqualTo(new Replied("alice", "pong"));
        lobby.say("alice", "!ping");
        lobby.say("alice", "!ping");
        assertThat(lobby.actions()).as("a new window: told once again").hasSize(8).last()
                .isEqualTo(new SentPrivately("alice", TOO_MANY));
    }

    @Test
    void theRateLimitNoticeGoesByDirectMessageInADirectChat() {
        for (int i = 0; i < 7; i++) {
            kit.directChat().receive("alice@example.org/phone", "!ping");
        }
        assertThat(kit.directChat().sentTo("alice@example.org/phone")).containsExactly("pong", "pong", "pong", "pong",
                "pong", TOO_MANY);
    }

    @Test
    void botAdminsAndRoomOwnersAreExemptFromTheRateLimitByDefault() {
        lobby.join("owner", Role.MODERATOR, Affiliation.OWNER);
        lobby.join(TestOccupant.nick("boss").realJid(BOSS));
        for (int i = 0; i < 8; i++) {
            lobby.say("owner", "!ping");
            lobby.say("boss", "!ping");
            kit.directChat().receive(BOSS + "/phone", "!ping");
        }
        assertThat(lobby.actions()).hasSize(16).allMatch(action -> action instanceof Replied replied
                && replied.text().equals("pong"));
        assertThat(kit.directChat().sentTo(BOSS + "/phone")).hasSize(8).containsOnly("pong");
        assertThat(kit.dispatcher().stats().commandsRateLimited()).isZero();
    }

    @Test
    void theRateLimitExemptionsCanBeChanged() {
        PluginTestKit strict = PluginTestKit.builder().plugin(new Moderation()).room(LOBBY).botAdmins(BOSS)
                .settings(DispatcherSettings.defaults().withRateLimitExempt(Set.of(RateLimitExemption.MODERATORS)))
                .start();
        TestRoom room = strict.room(LOBBY);
        room.join("owner", Role.PARTICIPANT, Affiliation.OWNER);
        room.join("mod", Role.MODERATOR, Affiliation.MEMBER);
        for (int i = 0; i < 7; i++) {
            room.say("owner", "!ping");
            room.say("mod", "!ping");
        }
        assertThat(room.botSaidPrivatelyTo("owner")).containsExactly(TOO_MANY);
        assertThat(room.actions()).filteredOn(action -> action.equals(new Replied("mod", "pong"))).hasSize(7);
        assertThat(room.actions()).filteredOn(action -> action.equals(new Replied("owner", "pong"))).hasSize(5);
    }

    @Test
    void changingNickDoesNotResetTheAllowance() {
        for (int i = 0; i < 5; i++) {
            lobby.say("alice", "!ping");
        }
        lobby.changeNick("alice", "alice2");
        lobby.say("alice2", "!ping");
        assertThat(lobby.actions()).hasSize(6).last().isEqualTo(new SentPrivately("alice2", TOO_MANY));
    }

    @Test
    void unknownCommandsCanBeIgnoredSilently() {
        PluginTestKit quiet = PluginTestKit.builder().plugin(new Moderation()).room(LOBBY)
                .settings(DispatcherSettings.defaults().withAnswerUnknownCommands(false)).start();
        TestRoom room = quiet.room(LOBBY);
        room.join("alice", Role.PARTICIPANT);
        room.say("alice", "!weather");
        room.say("alice", "!ping");
        assertThat(room.botSaid()).containsExactly("pong");
    }
}
