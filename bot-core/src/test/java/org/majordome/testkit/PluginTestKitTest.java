package org.majordome.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.majordome.api.NoConfig;
import org.majordome.api.OnEvent;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.command.Permission;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.OccupantKickedEvent;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.AffiliationChange;
import org.majordome.api.room.AffiliationEntry;
import org.majordome.api.room.Feature;
import org.majordome.api.room.RoomAffiliations;
import org.majordome.api.room.RoomHandle;
import org.majordome.testkit.RoomAction.Kicked;
import org.majordome.testkit.RoomAction.MessageModerated;

/** The kit's rooms behave like a cooperative XEP-0045 service, and can be made to refuse. */
class PluginTestKitTest {

    private static final String LOBBY = "lobby@conference.example.org";

    /** Removes messages containing a bad word, or kicks the author when the room cannot remove messages. */
    public static class BadWords implements Plugin<BadWords.Settings> {
        record Settings(String word) {
        }

        final List<String> kickedNicks = new CopyOnWriteArrayList<>();
        private PluginContext<Settings> context;

        @Override
        public String id() {
            return "bad-words";
        }

        @Override
        public Class<Settings> configType() {
            return Settings.class;
        }

        @Override
        public void start(PluginContext<Settings> context) {
            this.context = context;
        }

        @OnEvent
        public void on(RoomMessageReceivedEvent message) {
            if (!message.message().body().contains(context.config().word())) {
                return;
            }
            RoomHandle room = context.rooms().room(message.roomJid()).orElseThrow();
            String stanzaId = message.message().stanzaId().orElse("");
            room.moderateMessage(stanzaId, "bad word").thenAccept(result -> {
                if (result instanceof ActionResult.NotSupported) {
                    room.kick(message.sender().nick(), "bad word");
                }
            });
        }

        @OnEvent
        public void on(OccupantKickedEvent kicked) {
            kickedNicks.add(kicked.occupant().nick() + " by " + kicked.actorNick().orElse("?"));
        }

        @Command(name = "mute", usage = "<nick>", help = "Mutes someone.", permission = Permission.MODERATOR, minArgs = 1)
        public void mute(CommandInvocation invocation) {
            String nick = invocation.argument(0).orElseThrow();
            invocation.room().orElseThrow().revokeVoice(nick).thenAccept(result -> invocation.reply(
                    result.succeeded() ? nick + " is muted." : "Could not mute " + nick + ": " + result));
        }
    }

    private final BadWords plugin = new BadWords();
    private final PluginTestKit kit = PluginTestKit.builder().plugin(plugin, new BadWords.Settings("darn")).room(LOBBY).start();
    private final TestRoom lobby = kit.room(LOBBY);

    /** Issue 16 item 5: the kit's room reads and changes affiliation lists, one result per entry. */
    @Test
    void theRoomsAffiliationListsAreReadAndChangedSeveralAtOnce() {
        lobby.holdsAffiliation("carol@example.org", Affiliation.MEMBER);
        RoomAffiliations lists = lobby.handle().affiliations();

        List<AffiliationChange.Result> results = lists.change(List.of(
                new AffiliationChange("alice@example.org", Affiliation.ADMIN),
                new AffiliationChange("carol@example.org", Affiliation.NONE))).toCompletableFuture().join();

        assertThat(results).extracting(result -> result.result().succeeded()).containsExactly(true, true);
        assertThat(lists.list(Affiliation.ADMIN).toCompletableFuture().join().orElseThrow())
                .extracting(AffiliationEntry::jid).containsExactly("alice@example.org");
        assertThat(lobby.affiliationList(Affiliation.MEMBER)).isEmpty();
        assertThat(lobby.actions()).contains(new RoomAction.AffiliationChanged("alice@example.org", Affiliation.ADMIN, ""));

        lobby.respond(RoomAction.AffiliationChanged.class, new ActionResult.Refused("not-allowed", ""));
        assertThat(lists.change(List.of(new AffiliationChange("bob@example.org", Affiliation.OWNER)))
                .toCompletableFuture().join().getFirst().result())
                .isEqualTo(new ActionResult.Refused("not-allowed", ""));
    }

    @Test
    void aSupportedActionIsCarriedOut() {
        lobby.join("alice", Role.PARTICIPANT);
        RoomMessageReceivedEvent said = lobby.say("alice", "darn it");
        assertThat(said.message().stanzaId()).isPresent();
        assertThat(lobby.lastAction()).contains(new MessageModerated(said.message().stanzaId().orElseThrow(), "bad word"));
        assertThat(lobby.occupant("alice")).isPresent();
    }

    @Test
    void withoutXep0425ThePluginFallsBackToAKickWhichTakesEffect() {
        lobby.withoutFeature(Feature.MESSAGE_MODERATION);
        lobby.join("alice", Role.PARTICIPANT);
        lobby.say("alice", "darn it");

        assertThat(lobby.attempts()).extracting(TestRoom.Attempt::result)
                .first().isInstanceOf(ActionResult.NotSupported.class);
        assertThat(lobby.actions()).containsExactly(new Kicked("alice", "bad word"));
        assertThat(lobby.occupant("alice")).isEmpty();
        assertThat(plugin.kickedNicks).as("the kick is announced back to plugins").containsExactly("alice by majordome");
    }

    @Test
    void aRefusedActionHasNoEffectAndThePluginSeesWhy() {
        lobby.respond(RoomAction.VoiceRevoked.class, new ActionResult.Refused("forbidden", "not a moderator"));
        lobby.join("mod", Role.MODERATOR);
        lobby.join("bob", Role.PARTICIPANT);
        lobby.say("mod", "!mute bob");

        assertThat(lobby.occupant("bob")).get().extracting(o -> o.role()).isEqualTo(Role.PARTICIPANT);
        assertThat(lobby.botSaid()).containsExactly(
                "Could not mute bob: Refused[errorCondition=forbidden, text=not a moderator]");
    }

    @Test
    void aCarriedOutRoleChangeUpdatesTheOccupant() {
        lobby.join("mod", Role.MODERATOR);
        lobby.join("bob", Role.PARTICIPANT);
        lobby.say("mod", "!mute bob");
        assertThat(lobby.occupant("bob")).get().extracting(o -> o.role()).isEqualTo(Role.VISITOR);
        assertThat(lobby.botSaid()).containsExactly("bob is muted.");
    }

    @Test
    void actingOnAnAbsentNickIsRefusedAsByAServer() {
        lobby.join("mod", Role.MODERATOR);
        lobby.say("mod", "!mute ghost");
        assertThat(lobby.botSaid()).singleElement().asString().startsWith("Could not mute ghost: Refused[errorCondition=item-not-found");
    }

    @Test
    void outOfTheRoomTheBotsActionsFail() {
        lobby.join("alice", Role.PARTICIPANT);
        lobby.botLeaves(org.majordome.api.event.RoomLeftEvent.Reason.CONNECTION_LOST);
        lobby.say("alice", "darn");
        assertThat(lobby.actions()).isEmpty();
        assertThat(lobby.attempts()).singleElement().extracting(TestRoom.Attempt::result)
                .isInstanceOf(ActionResult.Failed.class);
    }

    @Test
    void theHandleShowsTheRoomsSubjectAndWhileTheBotIsOutWaitsForTheNextJoin() {
        RoomHandle room = lobby.handle();
        assertThat(room.subject().toCompletableFuture().join()).as("a room has none by default").isEmpty();
        lobby.withSubject("Welcome");
        assertThat(room.subject().toCompletableFuture().join()).contains("Welcome");

        lobby.botLeaves(org.majordome.api.event.RoomLeftEvent.Reason.KICKED);
        var shownOnReturn = room.subject().toCompletableFuture();
        assertThat(shownOnReturn).isNotDone();
        lobby.botRejoins();

        assertThat(shownOnReturn.join()).contains("Welcome");
    }

    @Test
    void mistakesInTheScriptAreExplained() {
        assertThatThrownBy(() -> lobby.say("nobody", "hi")).hasMessageContaining("nobody is not in " + LOBBY);
        assertThatThrownBy(() -> kit.room("elsewhere@conference.example.org")).hasMessageContaining("declare it");
        assertThatThrownBy(() -> PluginTestKit.builder().plugin(new BadWords()).room(LOBBY).start())
                .hasMessageContaining("pass one with builder().plugin(plugin, config)");
    }

    @Test
    void pluginsWithoutConfigurationNeedNone() {
        class Quiet implements Plugin<NoConfig> {
            public String id() {
                return "quiet";
            }

            public Class<NoConfig> configType() {
                return NoConfig.class;
            }

            public void start(PluginContext<NoConfig> context) {
            }
        }
        assertThat(PluginTestKit.builder().plugin(new Quiet()).room(LOBBY).start().startProblems()).isEmpty();
    }

    /** Remembers its context, to look at what the runtime hands a plugin. */
    public static class Bare implements Plugin<NoConfig> {
        volatile PluginContext<NoConfig> context;

        @Override
        public String id() {
            return "bare";
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
            this.context = context;
        }
    }

    @Test
    void aPluginKnowsTheRoomsItIsEnabledInAndTheirTitles() {
        Bare bare = new Bare();
        try (PluginTestKit kit = PluginTestKit.builder().plugin(bare).room(LOBBY)
                .roomWithoutPlugins("quiet@conference.example.org").room("Garden@conference.example.org", "bare")
                .start()) {
            kit.room(LOBBY).withTitle("The Lobby");

            assertThat(bare.context.enabledRooms()).extracting(RoomHandle::roomJid)
                    .containsExactly(LOBBY, "garden@conference.example.org");
            assertThat(bare.context.rooms().all()).hasSize(3);
            assertThat(bare.context.enabledRooms().getFirst().title()).contains("The Lobby");
            assertThat(kit.room("garden@conference.example.org").handle().title()).isEmpty();
        }
    }
}
