package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.TimeText;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.Role;
import org.majordome.api.room.ActionResult;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.RoomAction;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

/**
 * Issue 22 items 4 and 5: the moderators' commands answer in one sentence, addressed once, with the case number
 * and durations in words ({@code boss: user2 is muted for 1 minute (case #1): too loud}, never
 * {@code boss: user2: mute 1m}); times are in the room's zone and say so. Each assertion reads the room as its
 * occupants do ({@link TestRoom#botSaidAsSeen()}), the address the runtime adds included.
 */
class ModeratorAnswersTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final String ANNEX = "annex@conference.example.org";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private PluginTestKit kit;
    private TestRoom room;

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    private TestRoom start() {
        kit = PluginTestKit.builder().plugin(new ModerationPlugin(), ModerationConfig.defaults()).room(LOBBY).start();
        // Persistent jobs (the end of a mute) run on the real clock: keep the plugin's clock near it.
        kit.clock().set(Instant.now());
        room = kit.room(LOBBY).withTimeZone(PARIS);
        room.join(TestOccupant.nick("user2").role(Role.PARTICIPANT).realJid("user2@example.org").occupantId("user2-id"));
        room.join("boss", Role.MODERATOR, Affiliation.OWNER);
        return room;
    }

    private String lastSeen() {
        return room.botSaidAsSeen().getLast();
    }

    @Test
    void aMuteIsASentenceWithItsCaseNotAdminColonUser2ColonMute1m() {
        start().say("boss", "!mute user2 1m too loud");
        assertThat(lastSeen()).isEqualTo("boss: user2 is muted for 1 minute (case #1): too loud");

        room.say("boss", "!mute user2");
        assertThat(lastSeen()).isEqualTo("boss: user2 is muted for 10 minutes (case #2)");
    }

    @Test
    void aWarningAddressesTheOffenderOnceAndTheModeratorGetsItsCase() {
        start().say("boss", "!warn user2 be nice");
        assertThat(room.botSaidAsSeen()).containsExactly("user2, warning from the moderators: be nice",
                "boss: user2 is warned (case #1): be nice");
    }

    @Test
    void aKickIsASentenceWithItsCase() {
        start().say("boss", "!kick user2 rude");
        assertThat(lastSeen()).isEqualTo("boss: user2 is kicked (case #1): rude");
    }

    @Test
    void aBanSaysForHowLongInWords() {
        start().say("boss", "!ban user2 2h spam");
        assertThat(lastSeen()).isEqualTo("boss: user2 is banned for 2 hours (case #1): spam");

        room.join(TestOccupant.nick("user3").role(Role.PARTICIPANT).realJid("user3@example.org"));
        room.say("boss", "!ban user3");
        assertThat(lastSeen()).isEqualTo("boss: user3 is banned (case #2)");
    }

    @Test
    void aBanInEveryRoomAnswersOncePerRoomNamingTheOthers() {
        kit = PluginTestKit.builder().plugin(new ModerationPlugin(), ModerationConfig.defaults())
                .room(LOBBY).room(ANNEX).start();
        kit.clock().set(Instant.now());
        room = kit.room(LOBBY);
        kit.room(ANNEX).botRejoins();                   // the plugin learns of the annex
        room.join(TestOccupant.nick("raider").realJid("raider@evil.example"));
        room.join("boss", Role.MODERATOR, Affiliation.OWNER);
        room.say("boss", "!ban raider 1d spam --all");
        assertThat(room.botSaidAsSeen()).containsExactlyInAnyOrder(
                "boss: raider is banned for 1 day (case #1): spam (--all)",
                "boss: raider@evil.example is banned for 1 day in annex (case #1): spam (--all)");
    }

    @Test
    void aFallbackSaysWhatWasDoneInsteadAndWhy() {
        start();
        room.join("anonymous", Role.PARTICIPANT);           // no real JID: a ban cannot be done
        room.say("boss", "!ban anonymous 2h spam");
        assertThat(lastSeen()).isEqualTo("boss: anonymous is kicked (case #1): spam"
                + " — ban for 2 hours not supported (the real JID is not known), kick instead");
    }

    @Test
    void aSanctionTheRoomRefusesSaysItWasNotDone() {
        start();
        room.respond(RoomAction.VoiceRevoked.class, new ActionResult.Refused("forbidden", "not a moderator"))
                .respond(RoomAction.Kicked.class, new ActionResult.Refused("forbidden", "not a moderator"))
                .respond(RoomAction.Banned.class, new ActionResult.Refused("forbidden", "not a moderator"));
        room.say("boss", "!mute user2 1m too loud");
        assertThat(lastSeen()).startsWith("boss: user2 is not muted (case #1): "
                + "mute for 1 minute refused (forbidden: not a moderator), ");
    }

    @Test
    void unmuteUnbanAndPardonAnswerWithTheirCase() {
        start().say("boss", "!mute user2 10m");
        room.say("boss", "!unmute user2");
        assertThat(lastSeen()).isEqualTo("boss: user2 may speak again (case #2)");

        room.say("boss", "!unban raider@evil.example");
        assertThat(lastSeen()).isEqualTo("boss: raider@evil.example is no longer banned (case #3)");

        room.say("boss", "!pardon user2");
        assertThat(lastSeen()).isEqualTo("boss: user2's record is clean again (case #4)");
    }

    @Test
    void aLockdownSaysUntilWhenInTheRoomsZone() {
        start();
        Instant until = kit.clock().instant().plus(Duration.ofHours(1));
        room.say("boss", "!lockdown 1h");
        assertThat(lastSeen()).isEqualTo("Lockdown: asked by boss. Newcomers cannot speak until "
                + TimeText.moment(until, PARIS) + " or !unlock.");
        assertThat(lastSeen()).matches(".* until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d CET or !unlock\\.");

        room.say("boss", "!unlock");
        assertThat(lastSeen()).isEqualTo("Lockdown lifted: asked by boss.");
    }

    @Test
    void casesShowTheirTimeInTheRoomsZoneNotARawInstant() {
        start();
        kit.clock().set(Instant.parse("2026-12-06T22:01:46.931277511Z"));
        room.say("boss", "!warn user2 be nice");

        room.say("boss", "!cases");
        assertThat(room.botSaidPrivatelyTo("boss").getLast())
                .isEqualTo("#1 2026-12-06 23:01 CET user2: manual → warn");
        room.say("boss", "!case 1");
        assertThat(room.botSaidPrivatelyTo("boss").getLast()).contains(" at 2026-12-06 23:01 CET ")
                .doesNotContain("22:01:46");
    }

    @Test
    void aCasesEndIsShownInTheRoomsZone() {
        ModerationCase banned = new ModerationCase(7, LOBBY, "jid:user2@example.org", "user2",
                Optional.of("user2@example.org"), Optional.empty(), "manual", "spam", "ban 2h", "boss",
                Instant.parse("2026-12-06T22:01:46.931277511Z"), Optional.of(Instant.parse("2026-12-07T00:01:46Z")), "",
                false);
        org.majordome.api.text.Wording english = new org.majordome.text.TextService(
                org.majordome.text.TextSettings.english(PARIS), new org.majordome.text.SenderLanguages(),
                plugin -> Optional.empty()).forPlugin(new ModerationPlugin()).byDefault();
        assertThat(banned.details(english)).contains("ban 2h until 2026-12-07 01:01 CET")
                .contains("at 2026-12-06 23:01 CET");
    }

    @Test
    void aMutedUserWhoComesBackIsToldUntilWhenInTheRoomsZone() {
        start();
        Instant until = kit.clock().instant().plus(Duration.ofMinutes(10));
        room.say("boss", "!mute user2 10m");
        room.leave("user2");
        room.join(TestOccupant.nick("user2").role(Role.PARTICIPANT).realJid("user2@example.org").occupantId("user2-id"));
        assertThat(room.actions()).contains(new RoomAction.VoiceRevoked("user2",
                "still muted until " + TimeText.moment(until, PARIS)));
    }
}
