package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

import org.jivesoftware.smackx.muc.MUCAffiliation;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.BotEvent;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.Role;
import org.majordome.api.event.VoiceDecision;
import org.majordome.api.event.VoiceRequest;
import org.majordome.api.event.VoiceRequestedEvent;
import org.majordome.api.room.ActionResult;
import org.majordome.api.text.Wording;
import org.majordome.config.VoiceRequestPolicy;
import org.majordome.testkit.TestClock;
import org.majordome.text.TextService;

/**
 * Issue 20: what the room keeper says to people was English whatever the language: the direct message to the
 * administrators (in the bot's language), the reason of a voice request's decision and of a declined invitation (in
 * the room's).
 */
class RuntimeTextsInFrenchTest {

    private static final String NB = "\u00a0";
    private static final Wording FRENCH = TextService.runtimeWording(Locale.FRENCH, ZoneId.of("Europe/Paris"));

    @Test
    void theAdministratorsNoticeOfALostOwnershipWasEnglishInAFrenchBot() throws Exception {
        List<String> sent = new ArrayList<>();
        AdminNotices notices = new AdminNotices((jid, text) -> {
            sent.add(jid + " " + text);
            return CompletableFuture.completedFuture(ActionResult.DONE);
        }, FRENCH);
        notices.tellAdminsOf(() -> Set.of(JidCreate.entityBareFromOrThrowUnchecked("admin@example.org")));
        BanRetry retry = new BanRetry("salon@conference.example.org", Duration.ofMinutes(5), RandomGenerator.getDefault(),
                mock(ScheduledExecutorService.class), () -> { }, notices::tell);
        retry.refused("forbidden");

        MUCUser self = new MUCUser();
        self.setItem(new MUCItem(MUCAffiliation.none));
        retry.joined(self);

        assertThat(sent).containsExactly("admin@example.org Majordome est de retour dans salon@conference.example.org "
                + "maintenant que son bannissement est levé, mais avec l’affiliation «" + NB + "none" + NB + "»" + NB
                + ": il n’en est plus propriétaire et ne peut donc plus veiller à la configuration du salon. Un "
                + "propriétaire du salon peut lui rendre ce rôle.");
    }

    @Test
    void aDeniedVoiceRequestsReasonWasEnglishInAFrenchRoom() {
        TestClock clock = new TestClock();
        List<BotEvent> passed = new ArrayList<>();
        List<VoiceRequest> declined = new ArrayList<>();
        VoiceRequests requests = new VoiceRequests("salon@conference.example.org",
                () -> VoiceRequestPolicy.of(VoiceRequestPolicy.Kind.DENY),
                nick -> CompletableFuture.completedFuture(ActionResult.DONE), declined::add, passed::add, clock,
                () -> FRENCH);
        Occupant vera = new Occupant("vera", Optional.of("vera@example.org"), Optional.empty(), Role.VISITOR,
                Affiliation.NONE);

        requests.accept(new VoiceRequestedEvent("salon@conference.example.org", vera, new VoiceRequest("vera",
                Optional.of("vera@example.org"), Role.PARTICIPANT), VoiceDecision.FORWARDED, "", clock.instant()));

        assertThat(declined).hasSize(1);
        assertThat(passed).singleElement().isInstanceOfSatisfying(VoiceRequestedEvent.class, event -> {
            assertThat(event.decision()).isEqualTo(VoiceDecision.DECLINED);
            assertThat(event.why()).isEqualTo("le salon refuse les demandes de parole");
        });
    }

    @Test
    void aVoiceRequestLeftForTheModeratorsSaysHowLongInFrench() {
        VoiceRequests.Decision decision = VoiceRequests.decide(VoiceRequestPolicy.of(VoiceRequestPolicy.Kind.FORWARD),
                new Occupant("vera", Optional.empty(), Optional.empty(), Role.VISITOR, Affiliation.NONE),
                new VoiceRequest("vera", Optional.empty(), Role.MODERATOR), Optional.empty(),
                java.time.Instant.EPOCH, FRENCH);

        assertThat(decision.why()).isEqualTo("demande le rôle modérateur, pas la parole" + NB
                + ": laissée aux modérateurs");
    }

    @Test
    void aDeclinedInvitationsReasonWasEnglishForAFrenchRoom() {
        assertThat(InvitationDesk.reasonIn(Locale.FRENCH, InvitationPolicy.NOT_ALLOWED))
                .isEqualTo("Ce bot n’accepte d’invitations que de ses administrateurs.");
        assertThat(InvitationDesk.reasonIn(Locale.ENGLISH, InvitationPolicy.NOT_ALLOWED))
                .isEqualTo("This bot accepts invitations from its administrators only.");
    }

    /** The runtime's goodbye, which every occupant reads, was English in a French room; an operator's text stays. */
    @Test
    void theRuntimesGoodbyeWasEnglishInAFrenchRoom() {
        assertThat(Goodbyes.said("Majordome is shutting down", Locale.FRENCH)).isEqualTo("Majordome s’arrête");
        assertThat(Goodbyes.said("This room is no longer kept by Majordome", Locale.FRENCH))
                .isEqualTo("Majordome ne s’occupe plus de ce salon");
        assertThat(Goodbyes.said("Majordome is shutting down", Locale.ENGLISH)).isEqualTo("Majordome is shutting down");
        assertThat(Goodbyes.said("À bientôt", Locale.ENGLISH)).isEqualTo("À bientôt");
    }

    @Test
    void aJoinRefusedWithNoErrorElementSaidNoReasonGivenInEnglishToAFrenchReader() {
        RoomProblem problem = RoomProblem.of(RoomProblem.Kind.JOIN_REFUSED, new JoinRefusedException(null).describe());

        assertThat(problem.in(FRENCH)).isEqualTo("le salon a refusé l’entrée du bot" + NB + ": aucune raison donnée");
        assertThat(problem.toString()).isEqualTo("the room refused the join: no reason given");
    }
}
