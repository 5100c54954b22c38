package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.BotEvent;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.OccupantJoinedEvent;
import org.majordome.api.event.OccupantLeftEvent;
import org.majordome.api.event.OccupantNickChangedEvent;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomJoinedEvent;
import org.majordome.api.event.VoiceDecision;
import org.majordome.api.event.VoiceRequest;
import org.majordome.api.event.VoiceRequestedEvent;
import org.majordome.api.room.ActionResult;
import org.majordome.config.VoiceRequestPolicy;
import org.majordome.testing.CapturedLog;
import org.majordome.testkit.TestClock;

/** Each {@code voice-requests} policy: what the bot decides, what it does, and the event plugins then see. */
class VoiceRequestsTest {

    private static final String ROOM = "lobby@conference.localhost";

    private final TestClock clock = new TestClock();
    private final List<BotEvent> passed = new ArrayList<>();
    private final List<String> voiced = new ArrayList<>();
    private final List<VoiceRequest> declined = new ArrayList<>();
    private VoiceRequestPolicy policy = VoiceRequestPolicy.FORWARD;
    private final VoiceRequests requests = new VoiceRequests(ROOM, () -> policy, nick -> {
        voiced.add(nick);
        return CompletableFuture.completedFuture(ActionResult.DONE);
    }, declined::add, passed::add, clock);

    @Test
    void forwardLeavesTheRequestToTheModeratorsAndOnlyRecordsIt() {
        VoiceRequestedEvent event = ask(visitor("vera", Affiliation.MEMBER));

        assertThat(event.decision()).isEqualTo(VoiceDecision.FORWARDED);
        assertThat(event.why()).isEqualTo("left for the moderators");
        assertThat(voiced).isEmpty();
        assertThat(declined).isEmpty();
    }

    @Test
    void approveMembersGivesMembersAdminsAndOwnersVoice() {
        policy = VoiceRequestPolicy.of(VoiceRequestPolicy.Kind.APPROVE_MEMBERS);

        assertThat(ask(visitor("mia", Affiliation.MEMBER)).decision()).isEqualTo(VoiceDecision.GRANTED);
        assertThat(ask(visitor("ada", Affiliation.ADMIN)).why()).isEqualTo("admin");
        assertThat(ask(visitor("oz", Affiliation.OWNER)).decision()).isEqualTo(VoiceDecision.GRANTED);

        assertThat(voiced).containsExactly("mia", "ada", "oz");
    }

    @Test
    void approveMembersLeavesAStrangerToTheModerators() {
        policy = VoiceRequestPolicy.of(VoiceRequestPolicy.Kind.APPROVE_MEMBERS);

        VoiceRequestedEvent event = ask(visitor("stan", Affiliation.NONE));

        assertThat(event.decision()).isEqualTo(VoiceDecision.FORWARDED);
        assertThat(event.why()).isEqualTo("not a member: left for the moderators");
        assertThat(voiced).isEmpty();
    }

    @Test
    void approveAfterGivesVoiceOnlyOnceTheOccupantHasStayedLongEnough() {
        policy = VoiceRequestPolicy.approveAfter(Duration.ofMinutes(10));
        Occupant newcomer = visitor("nell", Affiliation.NONE);
        requests.accept(new OccupantJoinedEvent(ROOM, newcomer, clock.instant()));
        clock.advance(Duration.ofMinutes(3));

        VoiceRequestedEvent tooSoon = ask(newcomer);

        assertThat(tooSoon.decision()).isEqualTo(VoiceDecision.FORWARDED);
        assertThat(tooSoon.why()).isEqualTo("in the room for 3 minutes, less than 10 minutes: left for the moderators");
        assertThat(voiced).isEmpty();

        clock.advance(Duration.ofMinutes(7));
        VoiceRequestedEvent longEnough = ask(newcomer);

        assertThat(longEnough.decision()).isEqualTo(VoiceDecision.GRANTED);
        assertThat(longEnough.why()).isEqualTo("in the room for 10 minutes, at least 10 minutes");
        assertThat(voiced).containsExactly("nell");
    }

    @Test
    void approveAfterCountsThoseAlreadyThereFromTheBotsJoinAndKeepsTheTimeThroughANickChange() {
        policy = VoiceRequestPolicy.approveAfter(Duration.ofMinutes(5));
        Occupant old = visitor("old", Affiliation.NONE);
        requests.accept(new RoomJoinedEvent(ROOM, "Majordome", false, List.of(old), clock.instant()));
        clock.advance(Duration.ofMinutes(6));
        Occupant renamed = visitor("older", Affiliation.NONE);
        requests.accept(new OccupantNickChangedEvent(ROOM, renamed, "old", clock.instant()));

        assertThat(ask(renamed).decision()).isEqualTo(VoiceDecision.GRANTED);
    }

    @Test
    void approveAfterForgetsWhoLeft() {
        policy = VoiceRequestPolicy.approveAfter(Duration.ofMinutes(5));
        Occupant leaver = visitor("lea", Affiliation.NONE);
        requests.accept(new OccupantJoinedEvent(ROOM, leaver, clock.instant()));
        clock.advance(Duration.ofMinutes(6));
        requests.accept(new OccupantLeftEvent(ROOM, leaver, Optional.empty(), clock.instant()));

        VoiceRequestedEvent event = ask(leaver);

        assertThat(event.decision()).isEqualTo(VoiceDecision.FORWARDED);
        assertThat(event.why()).isEqualTo("not seen in the room: left for the moderators");
    }

    @Test
    void denyAnswersTheRequestNo() {
        policy = VoiceRequestPolicy.of(VoiceRequestPolicy.Kind.DENY);

        VoiceRequestedEvent event = ask(visitor("dora", Affiliation.MEMBER));

        assertThat(event.decision()).isEqualTo(VoiceDecision.DECLINED);
        assertThat(declined).extracting(VoiceRequest::nick).containsExactly("dora");
        assertThat(voiced).isEmpty();
    }

    @Test
    void aRequestForAnotherRoleThanVoiceIsLeftToTheModerators() {
        policy = VoiceRequestPolicy.of(VoiceRequestPolicy.Kind.APPROVE_MEMBERS);
        Occupant member = visitor("mo", Affiliation.MEMBER);

        VoiceRequestedEvent event = ask(member, new VoiceRequest("mo", Optional.empty(), Role.MODERATOR));

        assertThat(event.decision()).isEqualTo(VoiceDecision.FORWARDED);
        assertThat(voiced).isEmpty();
    }

    @Test
    void eachDecisionIsLoggedInOneLineAndARepeatWithinAMinuteOnlyAtDebug() {
        try (CapturedLog log = CapturedLog.of(VoiceRequests.class.getName())) {
            ask(visitor("vera", Affiliation.NONE));
            clock.advance(Duration.ofSeconds(20));
            ask(visitor("vera", Affiliation.NONE));
            clock.advance(Duration.ofMinutes(1));
            ask(visitor("vera", Affiliation.NONE));

            assertThat(log.lines()).filteredOn(line -> line.startsWith("INFO")).containsExactly(
                    "INFO Room lobby@conference.localhost: voice request from vera (vera@localhost): forwarded, "
                            + "left for the moderators",
                    "INFO Room lobby@conference.localhost: voice request from vera (vera@localhost): forwarded, "
                            + "left for the moderators");
        }
    }

    @Test
    void otherEventsPassUnchanged() {
        OccupantJoinedEvent joined = new OccupantJoinedEvent(ROOM, visitor("vera", Affiliation.NONE), clock.instant());

        requests.accept(joined);

        assertThat(passed).containsExactly(joined);
    }

    private VoiceRequestedEvent ask(Occupant occupant) {
        return ask(occupant, new VoiceRequest(occupant.nick(), Optional.of(occupant.nick() + "@localhost"),
                Role.PARTICIPANT));
    }

    private VoiceRequestedEvent ask(Occupant occupant, VoiceRequest request) {
        passed.clear();
        requests.accept(new VoiceRequestedEvent(ROOM, occupant, request, VoiceDecision.FORWARDED,
                "left for the moderators", clock.instant()));
        assertThat(passed).singleElement().isInstanceOf(VoiceRequestedEvent.class);
        return (VoiceRequestedEvent) passed.getFirst();
    }

    private static Occupant visitor(String nick, Affiliation affiliation) {
        return new Occupant(nick, Optional.of(nick + "@localhost"), Optional.empty(), Role.VISITOR, affiliation);
    }
}
