package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.NoConfig;
import org.majordome.api.OnEvent;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.AppealDecidedEvent;
import org.majordome.api.event.AppealFiledEvent;
import org.majordome.api.event.PluginEvent;
import org.majordome.api.event.Role;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.RoomAction;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

/**
 * Appeals ({@code !appeal}): who may appeal a case, one appeal per case, the rate limit per person, and a
 * moderator's decision: accepting lifts the sanction and pardons the points, rejecting keeps it; the appellant is
 * told either way, and plugins (scripts) get {@link AppealFiledEvent} and {@link AppealDecidedEvent}.
 */
class AppealTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final String STAFF = "staff@conference.example.org";
    private static final String MALLORY = "mallory@example.org";

    private PluginTestKit kit;
    private final List<PluginEvent> published = new CopyOnWriteArrayList<>();

    /** Collects the appeal events the moderation plugin publishes, as a script would see them. */
    public final class Listener implements Plugin<NoConfig> {
        @Override
        public String id() {
            return "listener";
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
        }

        @OnEvent
        public void filed(AppealFiledEvent event) {
            published.add(event);
        }

        @OnEvent
        public void decided(AppealDecidedEvent event) {
            published.add(event);
        }
    }

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    private TestRoom start(AppealSettings appeals) {
        ModerationConfig base = ModerationConfig.defaults();
        ModerationConfig config = new ModerationConfig(false, false, false, base.maxExaminedChars(),
                base.pointsDecayEvery(), base.ladder(), base.defaultMute(), base.defaultBan(), base.flood(),
                base.repetition(), base.words(), base.links(), base.mentions(), base.caps(), base.nicknames(),
                base.joinFlood(), Map.of(), appeals, List.of(), Optional.empty());
        kit = PluginTestKit.builder().plugin(new ModerationPlugin(), config).plugin(new Listener())
                .room(LOBBY).room(STAFF).start();
        // Persistent jobs (a mute's end) run on the real clock: a fixed instant would put a 1 h mute's end in the
        // past an hour after it was written, and the end would fire during the test (seen in CI).
        kit.clock().set(Instant.now());
        TestRoom room = kit.room(LOBBY);
        room.join(TestOccupant.nick("boss").role(Role.MODERATOR).affiliation(Affiliation.OWNER)
                .realJid("boss@example.org"));
        return room;
    }

    private TestRoom start() {
        return start(AppealSettings.defaults());
    }

    private static TestOccupant mallory() {
        return TestOccupant.nick("mallory").realJid(MALLORY).occupantId("oid-mallory");
    }

    private List<String> toMallory() {
        return kit.directChat().sentTo(MALLORY);
    }

    /** Mallory is banned by case #1 and appeals it in a direct message; boss is told privately. */
    private TestRoom bannedAndAppealed() {
        TestRoom room = start();
        room.join(mallory());
        room.say("boss", "!ban mallory 1h spamming");
        assertThat(room.actions()).contains(new RoomAction.Banned(MALLORY, "spamming (case #1)"));
        kit.directChat().receive(MALLORY, "!appeal 1 it was my cat on the keyboard");
        return room;
    }

    @Test
    void theNoticeOfABanSaysHowToAppeal() {
        bannedAndAppealed();
        assertThat(toMallory().getFirst()).contains("banned from lobby (case #1)").contains("!appeal 1 <why>")
                .contains("reply to this message within 30 minutes");
    }

    @Test
    void anAppealReachesThePresentModeratorsAndIsStoredWithTheCase() {
        TestRoom room = bannedAndAppealed();
        assertThat(room.botSaidPrivatelyTo("boss")).anyMatch(text -> text.startsWith("Appeal of case #1 in lobby by mallory ("
                + MALLORY + "), ban 1h: it was my cat on the keyboard — answer with !appeal accept|reject lobby#1"));
        assertThat(toMallory().getLast()).contains("Your appeal of case #1 is with the moderators of lobby");
        assertThat(published).singleElement().isEqualTo(new AppealFiledEvent(LOBBY, 1, Optional.of(MALLORY), "mallory",
                "ban 1h", "it was my cat on the keyboard", kit.clock().instant()));

        room.say("boss", "!case 1");
        // The kit's clock follows the real one here (see start), so the appeal's day is today's, in UTC.
        String appealDay = DateTimeFormatter.ISO_LOCAL_DATE.format(kit.clock().instant().atZone(ZoneOffset.UTC));
        assertThat(room.botSaidPrivatelyTo("boss").getLast()).contains("appeal " + appealDay)
                .contains("it was my cat on the keyboard — appeal open");
    }

    @Test
    void anAcceptedAppealLiftsTheBanPardonsThePointsAndTellsTheUser() {
        TestRoom room = bannedAndAppealed();
        kit.storage("moderation").room(LOBBY).put("points/oid:oid-mallory", "5@" + kit.clock().instant());
        room.clearActions();

        room.say("boss", "!appeal accept 1 fair enough");

        assertThat(room.actions()).contains(new RoomAction.Unbanned(MALLORY));
        assertThat(kit.storage("moderation").room(LOBBY).keys("points/")).isEmpty();
        assertThat(kit.storage("moderation").room(LOBBY).keys("pending/")).isEmpty();
        assertThat(kit.scheduler("moderation").room(LOBBY).job("unban:oid:oid-mallory")).isEmpty();
        assertThat(toMallory().getLast()).isEqualTo("The moderators of lobby accepted your appeal of case #1: fair enough."
                + " You may come back.");
        assertThat(room.botSaid().getLast()).contains("Appeal of case #1 (mallory) accepted: unban, pardon (case #2)");
        assertThat(published).last().isEqualTo(new AppealDecidedEvent(LOBBY, 1, Optional.of(MALLORY), "mallory", true,
                "boss (boss@example.org)", "fair enough", kit.clock().instant()));

        room.say("boss", "!case 1");
        assertThat(room.botSaidPrivatelyTo("boss").getLast()).contains("appeal accepted by boss (boss@example.org)")
                .contains(": fair enough");
    }

    @Test
    void aRejectedAppealKeepsTheBanAndTellsTheUser() {
        TestRoom room = bannedAndAppealed();
        room.clearActions();

        room.say("boss", "!appeal reject 1 the logs say otherwise");

        assertThat(room.actions()).noneMatch(RoomAction.Unbanned.class::isInstance);
        assertThat(kit.storage("moderation").room(LOBBY).keys("pending/")).hasSize(1);
        assertThat(toMallory().getLast()).isEqualTo("The moderators of lobby rejected your appeal of case #1: the logs"
                + " say otherwise.");
        assertThat(published).last().isInstanceOf(AppealDecidedEvent.class)
                .extracting(event -> ((AppealDecidedEvent) event).accepted()).isEqualTo(false);
        // Decided is final: neither a second decision nor a new appeal.
        room.say("boss", "!appeal accept 1");
        assertThat(room.actions()).noneMatch(RoomAction.Unbanned.class::isInstance);
        kit.directChat().receive(MALLORY, "!appeal 1 please");
        assertThat(toMallory().getLast()).isEqualTo("The appeal of case #1 was rejected already.");
    }

    @Test
    void onlyTheSanctionedPersonMayAppealTheirCase() {
        TestRoom room = bannedAndAppealed();
        kit.directChat().receive("eve@example.org", "!appeal 1 free mallory");
        assertThat(kit.directChat().sentTo("eve@example.org")).containsExactly("You have no case #1 to appeal.");
        // Taking mallory's nick proves nothing either.
        room.join(TestOccupant.nick("mallory").realJid("eve@example.org"));
        room.sayPrivately("mallory", "!appeal 1 I am mallory");
        assertThat(room.botSaidPrivatelyTo("mallory")).containsExactly("You have no case #1 to appeal.");
        assertThat(published).hasSize(1);
    }

    @Test
    void aCaseHasOneOpenAppeal() {
        TestRoom room = bannedAndAppealed();
        kit.directChat().receive(MALLORY, "!appeal 1 really, the cat");
        assertThat(toMallory().getLast()).isEqualTo("Your appeal of case #1 is already with the moderators.");
        assertThat(room.botSaidPrivatelyTo("boss")).filteredOn(text -> text.startsWith("Appeal of case #1")).hasSize(1);
    }

    @Test
    void appealsAreRateLimitedPerPerson() {
        TestRoom room = start(new AppealSettings(true, Optional.empty(), 2, Duration.ofHours(24), Duration.ofMinutes(30)));
        room.join(mallory());
        room.say("boss", "!warn mallory one");
        room.say("boss", "!warn mallory two");
        room.say("boss", "!warn mallory three");
        kit.directChat().receive(MALLORY, "!appeal 1 not me");
        kit.directChat().receive(MALLORY, "!appeal 2 not me");
        kit.directChat().receive(MALLORY, "!appeal 3 not me");
        assertThat(toMallory().getLast()).isEqualTo("You have filed 2 appeals in the last 1 day; try again later.");
        assertThat(published).hasSize(2);

        kit.clock().advance(Duration.ofHours(25));
        kit.directChat().receive(MALLORY, "!appeal 3 not me");
        assertThat(published).hasSize(3);
    }

    @Test
    void aPlainReplyToTheNoticeSoonAfterIsTheAppeal() {
        TestRoom room = start();
        room.join(mallory());
        room.say("boss", "!kick mallory rude");
        kit.clock().advance(Duration.ofMinutes(5));

        kit.directChat().receive(MALLORY, "I was only quoting them");

        assertThat(published).singleElement().extracting(event -> ((AppealFiledEvent) event).text())
                .isEqualTo("I was only quoting them");
        assertThat(room.botSaidPrivatelyTo("boss")).anyMatch(text -> text.contains("case #1") && text.contains("kick"));
    }

    @Test
    void aPlainMessageLongAfterTheNoticeIsNoAppeal() {
        TestRoom room = start();
        room.join(mallory());
        room.say("boss", "!kick mallory rude");
        kit.clock().advance(Duration.ofMinutes(31));

        kit.directChat().receive(MALLORY, "hello?");

        assertThat(published).isEmpty();
        assertThat(room.botSaidPrivatelyTo("boss")).noneMatch(text -> text.startsWith("Appeal"));
    }

    @Test
    void anAcceptedAppealOfAMuteGivesTheVoiceBack() {
        TestRoom room = start();
        room.join(mallory());
        room.say("boss", "!mute mallory 1h loud");
        assertThat(room.occupant("mallory").orElseThrow().role()).isEqualTo(Role.VISITOR);
        room.sayPrivately("mallory", "!appeal 1 sorry, caps lock");
        room.clearActions();

        room.say("boss", "!appeal accept 1");

        assertThat(room.actions()).contains(new RoomAction.VoiceGranted("mallory"));
        assertThat(kit.storage("moderation").room(LOBBY).keys("mute/")).isEmpty();
        assertThat(kit.scheduler("moderation").room(LOBBY).job("unmute:oid:oid-mallory")).isEmpty();
    }

    @Test
    void aParticipantCannotDecideAnAppeal() {
        TestRoom room = bannedAndAppealed();
        room.join(TestOccupant.nick("carol").role(Role.PARTICIPANT).realJid("carol@example.org"));
        room.clearActions();

        room.say("carol", "!appeal accept 1");
        kit.directChat().receive("carol@example.org", "!appeal accept lobby#1");

        assertThat(room.actions()).noneMatch(RoomAction.Unbanned.class::isInstance);
        assertThat(kit.directChat().sentTo("carol@example.org"))
                .containsExactly("There is no open appeal of case #1 that you may decide.");
    }

    @Test
    void aModeratorOfTheRoomMayDecideInADirectMessage() {
        TestRoom room = bannedAndAppealed();
        room.clearActions();
        kit.directChat().receive("boss@example.org", "!appeal accept 1");
        assertThat(room.actions()).contains(new RoomAction.Unbanned(MALLORY));
    }

    @Test
    void appealsGoToTheStaffRoomAndMayBeDecidedThere() {
        TestRoom room = start(new AppealSettings(true, Optional.of(STAFF), 3, Duration.ofHours(24), Duration.ZERO));
        TestRoom staff = kit.room(STAFF);
        staff.join(TestOccupant.nick("judge").role(Role.MODERATOR).realJid("judge@example.org"));
        room.join(mallory());
        room.say("boss", "!ban mallory spam");
        assertThat(toMallory().getFirst()).doesNotContain("reply to this message").contains("!appeal 1 <why>");

        kit.directChat().receive(MALLORY, "!appeal 1 not spam");
        assertThat(staff.botSaid()).anyMatch(text -> text.startsWith("Appeal of case #1 in lobby"));
        assertThat(room.botSaidPrivatelyTo("boss")).noneMatch(text -> text.startsWith("Appeal"));

        staff.say("judge", "!appeal accept lobby#1");
        assertThat(room.actions()).contains(new RoomAction.Unbanned(MALLORY));
    }

    /**
     * A ban with {@code --all} is a case in every room: the number alone is ambiguous, the room resolves it; the
     * accepted appeal lifts the room's ban, and the moderator is told the shared list still holds the JID.
     */
    @Test
    void anAppealOfABanInSeveralRoomsNamesTheRoomAndTheSharedListStays() {
        TestRoom room = start();
        // The plugin bans --all in the rooms it has seen.
        kit.room(STAFF).join(TestOccupant.nick("judge").role(Role.MODERATOR).realJid("judge@example.org"));
        room.join(mallory());
        room.say("boss", "!ban mallory --all spam");
        kit.directChat().receive(MALLORY, "!appeal 1 not spam");
        assertThat(toMallory().getLast()).isEqualTo("You have a case #1 in several rooms: name the room, e.g. !appeal "
                + "lobby#1 <why>.");

        kit.directChat().receive(MALLORY, "!appeal lobby#1 not spam");
        room.clearActions();
        room.say("boss", "!appeal accept 1");

        assertThat(room.actions()).contains(new RoomAction.Unbanned(MALLORY));
        assertThat(room.botSaid().getLast()).endsWith(MALLORY + " is still on the shared ban list: !unban " + MALLORY
                + " lifts it everywhere");
    }

    /** Filed while no moderator was present: the appeal waits with the case, and the next moderator to come is told. */
    @Test
    void aModeratorWhoComesLaterIsToldOfTheOpenAppeals() {
        TestRoom room = start();
        room.join(mallory());
        room.say("boss", "!ban mallory spam");
        room.leave("boss");
        kit.directChat().receive(MALLORY, "!appeal 1 not spam");
        assertThat(toMallory().getLast()).contains("(none is present now: they will find it with the case)");

        room.join(TestOccupant.nick("judge").role(Role.MODERATOR).realJid("judge@example.org"));
        room.join(TestOccupant.nick("carol").role(Role.PARTICIPANT).realJid("carol@example.org"));

        assertThat(room.botSaidPrivatelyTo("judge")).containsExactly("Open appeals here: #1 mallory: not spam — answer"
                + " with !appeal accept|reject <case> [reason]");
        assertThat(room.botSaidPrivatelyTo("carol")).isEmpty();
    }

    @Test
    void appealsCanBeTurnedOffForARoom() {
        TestRoom room = start(new AppealSettings(false, Optional.empty(), 3, Duration.ofHours(24), Duration.ofMinutes(30)));
        room.join(mallory());
        room.say("boss", "!ban mallory spam");
        assertThat(toMallory()).isEmpty();

        kit.directChat().receive(MALLORY, "!appeal 1 please");

        assertThat(toMallory()).containsExactly("Appeals are not taken in lobby.");
        assertThat(published).isEmpty();
    }
}
