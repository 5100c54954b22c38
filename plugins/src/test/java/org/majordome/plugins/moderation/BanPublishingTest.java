package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.Role;
import org.majordome.api.pubsub.NodeAccess;
import org.majordome.api.pubsub.NodeAddress;
import org.majordome.plugins.moderation.BlockListSettings.Access;
import org.majordome.plugins.moderation.BlockListSettings.PublishBans;
import org.majordome.plugins.moderation.BlockListSettings.PublishedBans;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

/** The block list the bot publishes ({@code publish-bans}), over the kit's in-memory nodes. */
class BanPublishingTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final NodeAddress OURS = new NodeAddress("pubsub.example.org", "muc_bans_sha256");

    private PluginTestKit kit;

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    private TestRoom start(PublishBans publish) {
        ModerationConfig base = ModerationConfig.defaults();
        ModerationConfig config = new ModerationConfig(base.dryRun(), base.exemptMembers(), base.warnPrivately(),
                base.maxExaminedChars(), base.pointsDecayEvery(), base.ladder(), base.defaultMute(), base.defaultBan(),
                base.flood(), base.repetition(), base.words(), base.links(), base.mentions(), base.caps(),
                base.nicknames(), base.joinFlood(), base.rooms(), base.appeals(), List.of(), Optional.of(publish));
        kit = PluginTestKit.builder().plugin(new ModerationPlugin(), config).room(LOBBY).start();
        kit.clock().set(Instant.now());
        TestRoom room = kit.room(LOBBY);
        room.join(TestOccupant.nick("boss").role(Role.MODERATOR).affiliation(Affiliation.OWNER)
                .realJid("boss@example.org"));
        return room;
    }

    private static PublishBans publish(Optional<Access> access, List<String> subscribers, PublishedBans which) {
        return new PublishBans(OURS.service(), Optional.empty(), access, Optional.of(subscribers), Optional.of(which));
    }

    @Test
    void aModeratorsPermanentBanIsPublishedAndUnbanRetractsIt() {
        TestRoom room = start(publish(Optional.empty(), List.of(), PublishedBans.PERMANENT));
        assertThat(kit.pubsub().ownedAccess(OURS)).contains(NodeAccess.open());
        room.join(TestOccupant.nick("spammer").realJid("spammer@example.org"));

        room.say("boss", "!ban spammer selling things");

        assertThat(kit.pubsub().items(OURS)).containsExactly(FingerprintSet.itemIdOf("spammer@example.org"));
        room.say("boss", "!unban spammer@example.org");
        assertThat(kit.pubsub().items(OURS)).isEmpty();
    }

    @Test
    void aTemporaryBanIsPublishedOnlyWhenAllBansAre() {
        TestRoom room = start(publish(Optional.empty(), List.of(), PublishedBans.PERMANENT));
        room.say("boss", "!ban brief@example.org 1h cool down");
        assertThat(kit.pubsub().items(OURS)).isEmpty();
        kit.close();

        room = start(publish(Optional.empty(), List.of(), PublishedBans.ALL));
        room.say("boss", "!ban brief@example.org 1h cool down");
        assertThat(kit.pubsub().items(OURS)).containsExactly(FingerprintSet.itemIdOf("brief@example.org"));
    }

    @Test
    void aWhitelistedListIsOwnedWithItsSubscribersAndAPardonRetracts() {
        TestRoom room = start(publish(Optional.of(Access.WHITELIST), List.of("other-bot@example.net"),
                PublishedBans.PERMANENT));
        assertThat(kit.pubsub().ownedAccess(OURS)).contains(NodeAccess.whitelist(List.of("other-bot@example.net")));
        room.say("boss", "!ban troll@example.org");
        assertThat(kit.pubsub().items(OURS)).hasSize(1);

        room.say("boss", "!pardon troll@example.org wrong person");

        assertThat(kit.pubsub().items(OURS)).isEmpty();
    }
}
