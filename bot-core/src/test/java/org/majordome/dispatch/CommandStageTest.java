package org.majordome.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.majordome.api.event.Occupant;
import org.majordome.api.event.Role;

class CommandStageTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final String GARDEN = "garden@conference.example.org";
    private static final String BOSS = "boss@example.org";

    private static final Occupant ALICE = Fixtures.participant("alice");
    private static final Occupant MOD = Fixtures.occupant("mod", Role.MODERATOR, Affiliation.MEMBER);
    private static final Occupant VISITOR = Fixtures.occupant("quiet", Role.VISITOR, Affiliation.NONE);

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
    private final TestBot bot = TestBot.synchronous(List.of(moderation),
            Map.of(LOBBY, List.of("moderation"), GARDEN, List.of()), List.of(BOSS));

    private List<String> lobbyOutbox() {
        return bot.room(LOBBY).outbox;
    }

    @Test
    void aModeratorCommandRunsForAModeratorWithItsArguments() {
        bot.dispatcher.offer(Fixtures.say(LOBBY, MOD, "!K spammer \"flooding the room\""));
        assertThat(moderation.calls).containsExactly("kick [spammer, flooding the room]");
        assertThat(lobbyOutbox()).containsExactly("kick spammer: flooding the room");
        assertThat(bot.dispatcher.stats().commandsRun()).isEqualTo(1);
    }

    @Test
    void aParticipantIsRefusedWithAShortAnswerAndTheHandlerNeverRuns() {
        bot.dispatcher.offer(Fixtures.say(LOBBY, ALICE, "!kick mod"));
        assertThat(moderation.calls).isEmpty();
        assertThat(lobbyOutbox()).containsExactly("reply to alice: Sorry, !kick needs a moderator.");
        assertThat(bot.dispatcher.stats().commandsRefused()).isEqualTo(1);
    }

    @Test
    void aParticipantNamedLikeTheAdminCannotRunAdminCommands() {
        Occupant impostor = Fixtures.occupant(BOSS, "mallory@evil.example", Role.PARTICIPANT, Affiliation.NONE);
        bot.dispatcher.offer(Fixtures.say(LOBBY, impostor, "!reload"));
        assertThat(moderation.calls).isEmpty();
        assertThat(lobbyOutbox()).containsExactly("reply to boss@example.org: Sorry, !reload needs a bot admin.");
    }

    @Test
    void theBotAdminIsRecognisedByJidInADirectChat() {
        bot.dispatcher.offer(Fixtures.direct(BOSS, "!reload"));
        bot.dispatcher.offer(Fixtures.direct("alice@example.org", "!reload"));
        assertThat(moderation.calls).containsExactly("reload by " + BOSS);
        assertThat(bot.directChat.outbox).containsExactly(BOSS + "/phone: reloaded",
                "alice@example.org/phone: Sorry, !reload needs a bot admin.");
    }

    @Test
    void roomOnlyCommandsAreUnknownInADirectChat() {
        bot.dispatcher.offer(Fixtures.direct(BOSS, "!kick someone"));
        assertThat(bot.directChat.outbox).containsExactly(BOSS + "/phone: Unknown command !kick. Send !help for the list.");
    }

    @Test
    void aPrivateMessageIsAnsweredPrivatelyThroughTheRoom() {
        bot.dispatcher.offer(Fixtures.whisper(LOBBY, ALICE, "!ping"));
        assertThat(lobbyOutbox()).containsExactly("private to alice: pong");
    }

    @Test
    void aProgrammaticCommandWorksLikeAnAnnotatedOne() {
        bot.dispatcher.offer(Fixtures.say(LOBBY, ALICE, "!shout hello there"));
        bot.dispatcher.offer(Fixtures.say(LOBBY, ALICE, "!shout"));
        assertThat(lobbyOutbox()).containsExactly("reply to alice: HELLO THERE", "reply to alice: Usage: !shout <text>");
    }

    @Test
    void commandsOfPluginsNotEnabledInTheRoomAreUnknownThere() {
        bot.dispatcher.offer(Fixtures.say(GARDEN, MOD, "!ping"));
        assertThat(bot.room(GARDEN).outbox).containsExactly("reply to mod: Unknown command !ping. Send !help for the list.");
    }

    @Test
    void helpListsOnlyWhatTheAskerMayRunHere() {
        bot.dispatcher.offer(Fixtures.say(LOBBY, ALICE, "!help"));
        bot.dispatcher.offer(Fixtures.say(LOBBY, MOD, "!help"));
        assertThat(lobbyOutbox()).containsExactly(
                "reply to alice: Commands you can use here:\n!help [command] — Describes a command.\n"
                        + "!crash — Fails.\n!ping — Answers pong.\n!shout <text> — Says it loud.",
                "reply to mod: Commands you can use here:\n!help [command] — Describes a command.\n"
                        + "!crash — Fails.\n!kick <nick> [reason] — Removes someone from the room.\n"
                        + "!ping — Answers pong.\n!shout <text> — Says it loud.");
    }

    @Test
    void helpOnOneCommandHidesWhatTheAskerMayNotRun() {
        bot.dispatcher.offer(Fixtures.say(LOBBY, MOD, "!help k"));
        bot.dispatcher.offer(Fixtures.say(LOBBY, ALICE, "!help kick"));
        assertThat(lobbyOutbox()).containsExactly(
                "reply to mod: !kick <nick> [reason] — Removes someone from the room. Also: !k. Needs a moderator.",
                "reply to alice: Unknown command !kick. Send !help for the list.");
    }

    @Test
    void aMutedOccupantCannotRunParticipantCommandsButMayStillRunOpenOnes() {
        bot.dispatcher.offer(Fixtures.say(LOBBY, VISITOR, "!ping"));
        assertThat(lobbyOutbox()).containsExactly("reply to quiet: pong");
    }

    @Test
    void aFailingCommandIsReportedShortlyAndCounted() {
        bot.dispatcher.offer(Fixtures.say(LOBBY, ALICE, "!crash"));
        assertThat(lobbyOutbox()).containsExactly("reply to alice: !crash failed; the bot's log says why.");
        assertThat(bot.dispatcher.stats().handlerErrors()).isEqualTo(1);
    }

    @Test
    void anUnclosedQuoteGetsAShortAnswer() {
        bot.dispatcher.offer(Fixtures.say(LOBBY, MOD, "!kick \"spammer"));
        assertThat(moderation.calls).isEmpty();
        assertThat(lobbyOutbox()).containsExactly("reply to mod: Cannot read !kick: a quote is not closed.");
    }

    @Test
    void ordinaryTalkAndQuotedRepliesAreNotCommands() {
        bot.dispatcher.offer(Fixtures.say(LOBBY, MOD, "I said !kick spammer"));
        bot.dispatcher.offer(Fixtures.say(LOBBY, MOD, "> mod wrote: !kick spammer\nok"));
        bot.dispatcher.offer(Fixtures.say(LOBBY, MOD, "!!!"));
        assertThat(lobbyOutbox()).isEmpty();
    }

    @Test
    void aSenderIsRateLimitedAndRecoversWithTime() {
        for (int i = 0; i < 7; i++) {
            bot.dispatcher.offer(Fixtures.say(LOBBY, ALICE, "!ping"));
        }
        bot.dispatcher.offer(Fixtures.say(LOBBY, MOD, "!ping"));
        assertThat(lobbyOutbox()).as("alice's allowance is 5; mod has his own")
                .containsExactly("reply to alice: pong", "reply to alice: pong", "reply to alice: pong",
                        "reply to alice: pong", "reply to alice: pong", "reply to mod: pong");
        assertThat(bot.dispatcher.stats().commandsRateLimited()).isEqualTo(2);

        bot.clock.advance(Duration.ofSeconds(2)); // a fifth of the refill period: one more command
        bot.dispatcher.offer(Fixtures.say(LOBBY, ALICE, "!ping"));
        bot.dispatcher.offer(Fixtures.say(LOBBY, ALICE, "!ping"));
        assertThat(lobbyOutbox()).hasSize(7).last().isEqualTo("reply to alice: pong");
    }

    @Test
    void changingNickDoesNotResetTheAllowance() {
        for (int i = 0; i < 5; i++) {
            bot.dispatcher.offer(Fixtures.say(LOBBY, ALICE, "!ping"));
        }
        Occupant aliceRenamed = new Occupant("alice2", ALICE.realJid(), ALICE.occupantId(), ALICE.role(), ALICE.affiliation());
        bot.dispatcher.offer(Fixtures.say(LOBBY, aliceRenamed, "!ping"));
        assertThat(lobbyOutbox()).hasSize(5);
    }

    @Test
    void unknownCommandsCanBeIgnoredSilently() {
        Moderation other = new Moderation();
        TestBot quiet = new TestBot(List.of(other), Map.of(LOBBY, List.of("moderation")), List.of(),
                DispatcherSettings.defaults().withAnswerUnknownCommands(false), Runnable::run, Runnable::run);
        quiet.dispatcher.offer(Fixtures.say(LOBBY, ALICE, "!weather"));
        quiet.dispatcher.offer(Fixtures.say(LOBBY, ALICE, "!ping"));
        assertThat(quiet.room(LOBBY).outbox).containsExactly("reply to alice: pong");
    }
}
