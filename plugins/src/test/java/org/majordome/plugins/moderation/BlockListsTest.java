package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.NoConfig;
import org.majordome.api.OnEvent;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.BlockListHitEvent;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomLeftEvent;
import org.majordome.api.pubsub.NodeAddress;
import org.majordome.plugins.moderation.BlockListSettings.BlockAction;
import org.majordome.plugins.moderation.BlockListSettings.BlockList;
import org.majordome.testing.CapturedLog;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.RoomAction;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

/** Block lists followed by the moderation plugin, over the kit's in-memory nodes. */
class BlockListsTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final NodeAddress LIST = new NodeAddress("pubsub.example.org", "muc_bans_sha256");

    private PluginTestKit kit;
    private final List<BlockListHitEvent> hits = new CopyOnWriteArrayList<>();

    /** Another plugin, to see the plugin's events as every plugin and script does. */
    public final class HitRecorder implements Plugin<NoConfig> {
        @Override
        public String id() {
            return "hits";
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
        }

        @OnEvent
        public void hit(BlockListHitEvent event) {
            hits.add(event);
        }
    }

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    static ModerationConfig withBlockList(ModerationConfig base, BlockList list) {
        return new ModerationConfig(base.dryRun(), base.exemptMembers(), base.warnPrivately(), base.maxExaminedChars(),
                base.pointsDecayEvery(), base.ladder(), base.defaultMute(), base.defaultBan(), base.flood(),
                base.repetition(), base.words(), base.links(), base.mentions(), base.caps(), base.nicknames(),
                base.joinFlood(), base.rooms(), base.appeals(), List.of(list), base.publishBans());
    }

    private TestRoom start(BlockAction action, String... listed) {
        kit = PluginTestKit.builder()
                .plugin(new ModerationPlugin(), withBlockList(ModerationConfig.defaults(),
                        new BlockList(LIST.service(), Optional.empty(), Optional.of(action), Optional.empty())))
                .plugin(new HitRecorder()).room(LOBBY).start();
        for (String address : listed) {
            kit.pubsub().maintainerPublishes(LIST, FingerprintSet.itemIdOf(address));
        }
        kit.pubsub().newSession();
        kit.clock().set(Instant.now());
        TestRoom room = kit.room(LOBBY);
        room.join(TestOccupant.nick("boss").role(Role.MODERATOR).affiliation(Affiliation.OWNER)
                .realJid("boss@example.org"));
        return room;
    }

    @Test
    void aListedJoinerIsBannedAtOnceAndTheCaseNamesTheList() {
        TestRoom room = start(BlockAction.BAN, "mallory@evil.example");

        room.join(TestOccupant.nick("mallory").realJid("mallory@evil.example"));

        assertThat(room.bannedJids()).containsExactly("mallory@evil.example");
        room.say("boss", "!case 1");
        assertThat(String.join("\n", room.botSaidPrivatelyTo("boss")))
                .contains("blocklist").contains("pubsub.example.org/muc_bans_sha256");
        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.list()).isEqualTo("pubsub.example.org/muc_bans_sha256");
            assertThat(hit.matched()).isEqualTo("mallory@evil.example");
            assertThat(hit.action()).isEqualTo("ban");
            assertThat(hit.occupant().nick()).isEqualTo("mallory");
        });
    }

    @Test
    void publishingAPresentOccupantsHashRemovesThem() {
        TestRoom room = start(BlockAction.BAN);
        room.join(TestOccupant.nick("alice").realJid("alice@example.org"));
        assertThat(room.bannedJids()).isEmpty();

        kit.pubsub().maintainerPublishes(LIST, FingerprintSet.itemIdOf("alice@example.org"));

        assertThat(room.bannedJids()).containsExactly("alice@example.org");
    }

    @Test
    void aRetractionLetsTheNextJoinThrough() {
        TestRoom room = start(BlockAction.KICK, "bob@example.org");
        room.join(TestOccupant.nick("bob").realJid("bob@example.org"));
        assertThat(room.actions()).filteredOn(RoomAction.Kicked.class::isInstance).hasSize(1);
        room.clearActions();

        kit.pubsub().maintainerRetracts(LIST, FingerprintSet.itemIdOf("bob@example.org"));
        room.join(TestOccupant.nick("bob2").realJid("bob@example.org"));

        assertThat(room.actions()).noneMatch(action -> action instanceof RoomAction.Kicked
                || action instanceof RoomAction.Banned);
    }

    @Test
    void aDomainHashBlocksEveryAccountOfThatDomain() {
        TestRoom room = start(BlockAction.BAN, "spam.example");

        room.join(TestOccupant.nick("one").realJid("one@spam.example"));
        room.join(TestOccupant.nick("two").realJid("two@spam.example"));
        room.join(TestOccupant.nick("fine").realJid("fine@example.org"));

        assertThat(room.bannedJids()).containsExactlyInAnyOrder("one@spam.example", "two@spam.example");
        assertThat(hits).extracting(BlockListHitEvent::matched).containsOnly("spam.example");
    }

    @Test
    void aSnapshotAfterANewSessionActsOnWhatWasMissed() {
        TestRoom room = start(BlockAction.BAN);
        room.join(TestOccupant.nick("carol").realJid("carol@example.org"));

        kit.pubsub().publishSilently(LIST, FingerprintSet.itemIdOf("carol@example.org"));
        assertThat(room.bannedJids()).isEmpty();
        kit.pubsub().newSession();

        assertThat(room.bannedJids()).containsExactly("carol@example.org");
    }

    @Test
    void moderatorsAndOccupantsWithoutARealJidAreLeftAlone() {
        TestRoom room = start(BlockAction.BAN, "boss@example.org");

        room.join(TestOccupant.nick("anon"));
        kit.pubsub().maintainerPublishes(LIST, FingerprintSet.itemIdOf("boss@example.org"));

        assertThat(room.bannedJids()).isEmpty();
    }

    @Test
    void aRoomHidingRealJidsIsReportedOnceInTheLog() {
        try (CapturedLog log = CapturedLog.of("org.majordome")) {
            TestRoom room = start(BlockAction.BAN, "anon@example.org");

            room.join(TestOccupant.nick("anon1"));
            room.join(TestOccupant.nick("anon2"));

            assertThat(log.lines()).filteredOn(line -> line.contains("Block lists cannot be applied")).hasSize(1);
            assertThat(room.bannedJids()).isEmpty();
        }
    }

    @Test
    void occupantsAlreadyThereWhenTheBotJoinsAreChecked() {
        TestRoom room = start(BlockAction.BAN);
        room.join(TestOccupant.nick("early").realJid("early@example.org"));
        room.botLeaves(RoomLeftEvent.Reason.CONNECTION_LOST);
        kit.pubsub().maintainerPublishes(LIST, FingerprintSet.itemIdOf("early@example.org"));
        assertThat(room.bannedJids()).as("the bot is not in the room to act").isEmpty();

        room.botRejoins();

        assertThat(room.bannedJids()).containsExactly("early@example.org");
    }

    @Test
    void aListLimitedToOtherRoomsLeavesThisOneAlone() {
        kit = PluginTestKit.builder()
                .plugin(new ModerationPlugin(), withBlockList(ModerationConfig.defaults(), new BlockList(LIST.service(),
                        Optional.empty(), Optional.empty(), Optional.of(List.of("Other@conference.example.org")))))
                .room(LOBBY).start();
        kit.pubsub().maintainerPublishes(LIST, FingerprintSet.itemIdOf("mallory@evil.example"));
        TestRoom room = kit.room(LOBBY);

        room.join(TestOccupant.nick("mallory").realJid("mallory@evil.example"));

        assertThat(room.bannedJids()).isEmpty();
    }
}
