package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.Role;
import org.majordome.api.pubsub.NodeAddress;
import org.majordome.plugins.moderation.BlockListSettings.BlockAction;
import org.majordome.plugins.moderation.BlockListSettings.BlockList;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

/**
 * A moderator's word beats a followed block list in their room: an accepted appeal of a list's ban, or an
 * {@code !unban} of someone a list names, exempts that JID there (stored, shown in {@code !case} and
 * {@code !blocklist}) until {@code !blocklist unexempt}. Without it the list banned them again at their next join.
 */
class BlockListExemptionsTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final NodeAddress LIST = new NodeAddress("pubsub.example.org", "muc_bans_sha256");
    private static final String MALLORY = "mallory@evil.example";

    private PluginTestKit kit;

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    /** Mallory is on the list, joins and is banned by it (case #1). */
    private TestRoom bannedByTheList() {
        kit = PluginTestKit.builder()
                .plugin(new ModerationPlugin(), BlockListsTest.withBlockList(ModerationConfig.defaults(),
                        new BlockList(LIST.service(), Optional.empty(), Optional.of(BlockAction.BAN), Optional.empty())))
                .room(LOBBY).start();
        kit.pubsub().maintainerPublishes(LIST, FingerprintSet.itemIdOf(MALLORY));
        kit.pubsub().newSession();
        kit.clock().set(Instant.now());
        TestRoom room = kit.room(LOBBY);
        room.join(TestOccupant.nick("boss").role(Role.MODERATOR).affiliation(Affiliation.OWNER)
                .realJid("boss@example.org"));
        room.join(mallory());
        assertThat(room.bannedJids()).containsExactly(MALLORY);
        return room;
    }

    /** Mallory comes back later than the list's guard against acting twice on one join (30 s). */
    private void later() {
        kit.clock().advance(Duration.ofMinutes(1));
    }

    private static TestOccupant mallory() {
        return TestOccupant.nick("mallory").realJid(MALLORY);
    }

    private String lastToBoss(TestRoom room) {
        return room.botSaidPrivatelyTo("boss").getLast();
    }

    @Test
    void anAcceptedAppealOfABlockListBanWasUndoneAtTheNextJoin() {
        TestRoom room = bannedByTheList();
        kit.directChat().receive(MALLORY, "!appeal 1 I am no spammer");
        room.say("boss", "!appeal accept 1 fair enough");
        assertThat(room.bannedJids()).isEmpty();
        later();

        room.join(mallory());

        assertThat(room.bannedJids()).as("the list no longer acts on them here").isEmpty();
        assertThat(room.occupant("mallory")).isPresent();
        assertThat(kit.storage("moderation").room(LOBBY).get(BlockListExemptions.PREFIX + MALLORY)).isPresent();
        room.say("boss", "!case 1");
        assertThat(lastToBoss(room)).contains("exempt from the block lists").contains("appeal of case #1 accepted");
    }

    @Test
    void anUnbanOfSomeoneAListNamesWasUndoneAtTheNextJoin() {
        TestRoom room = bannedByTheList();

        room.say("boss", "!unban " + MALLORY);
        assertThat(room.botSaid().getLast()).contains("the block lists leave them alone here");
        later();
        room.join(mallory());

        assertThat(room.bannedJids()).isEmpty();
        room.say("boss", "!blocklist");
        assertThat(lastToBoss(room)).contains(MALLORY + ": exempt from the block lists").contains("unbanned")
                .contains("(case #2)");
    }

    @Test
    void removingTheExemptionLetsTheListActAgainAtOnce() {
        TestRoom room = bannedByTheList();
        room.say("boss", "!unban " + MALLORY);
        later();
        room.join(mallory());
        assertThat(room.bannedJids()).isEmpty();

        room.say("boss", "!blocklist unexempt " + MALLORY);

        assertThat(room.bannedJids()).containsExactly(MALLORY);
        assertThat(kit.storage("moderation").room(LOBBY).keys(BlockListExemptions.PREFIX)).isEmpty();
        room.say("boss", "!blocklist");
        assertThat(lastToBoss(room)).isEqualTo("The block lists exempt nobody in this room.");
    }

    @Test
    void anUnbanOfSomeoneNoListNamesExemptsNobody() {
        TestRoom room = bannedByTheList();
        room.say("boss", "!ban someone@example.org");

        room.say("boss", "!unban someone@example.org");

        assertThat(kit.storage("moderation").room(LOBBY).keys(BlockListExemptions.PREFIX)).isEmpty();
    }

    @Test
    void aModeratorMayExemptSomeoneBeforeTheyJoin() {
        TestRoom room = bannedByTheList();
        room.say("boss", "!unban " + MALLORY);
        room.say("boss", "!blocklist unexempt " + MALLORY);
        room.say("boss", "!blocklist exempt " + MALLORY.toUpperCase(java.util.Locale.ROOT));
        later();

        room.join(mallory());

        assertThat(room.bannedJids()).isEmpty();
    }
}
