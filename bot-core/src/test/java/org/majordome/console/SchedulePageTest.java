package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.majordome.schedule.JobListing;
import org.majordome.schedule.ScheduleText;

/** The schedule page: each operator sees the jobs of the rooms they manage; times in UTC, said so. */
class SchedulePageTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final String ANNEX = "annex@conference.example.org";
    private static final Instant AT = Instant.parse("2026-12-07T15:47:00Z");

    private final SchedulePage page = new SchedulePage(() -> List.of(
            new JobListing("notices", Optional.of(LOBBY), "notice:<b>rules</b>", false, ScheduleText.once(AT), Optional.of(AT)),
            new JobListing("moderation", Optional.of(ANNEX), "unban:jid:annex-offender@example.org", true,
                    ScheduleText.stored(AT.plusSeconds(3600), "unban"),
                    Optional.of(AT.plusSeconds(3600))),
            new JobListing("moderation", Optional.empty(), "sweep", false, ScheduleText.every(java.time.Duration.ofMinutes(1)),
                    Optional.empty())));

    private static ConsoleRequest request(Operator operator, Map<String, String> params) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        params.forEach((name, value) -> multi.put(name, List.of(value)));
        return new ConsoleRequest(operator, "", multi, "token");
    }

    @Test
    void aRoomOwnerSeesTheJobsOfTheirRoomsOnly() throws ConsoleDenied {
        String html = page.get(request(new Operator("owner@example.org", false, Set.of(LOBBY)), Map.of())).toString();
        assertThat(html).contains("notice:&lt;b&gt;rules&lt;/b&gt;").contains("2026-12-07 15:47 UTC")
                .contains("Next run (UTC)").doesNotContain("annex-offender").doesNotContain("sweep");
    }

    @Test
    void aBotAdminSeesEveryJobAndCanFilterByRoom() throws ConsoleDenied {
        Operator admin = new Operator("root@example.org", true, Set.of());
        assertThat(page.get(request(admin, Map.of())).toString()).contains("notice:").contains("annex-offender")
                .contains("sweep").contains("all rooms").contains("no next run");
        assertThat(page.get(request(admin, Map.of("room", ANNEX))).toString()).contains("annex-offender")
                .doesNotContain("notice:");
    }

    @Test
    void aRoomOwnerGets403ForAnotherRoomsSchedule() {
        assertThatThrownBy(() -> page.get(request(new Operator("owner@example.org", false, Set.of(LOBBY)),
                Map.of("room", ANNEX))))
                .isInstanceOfSatisfying(ConsoleDenied.class, denied -> assertThat(denied.status()).isEqualTo(403));
    }

    /** Issue 20: how a job is scheduled was the scheduler's English ("every PT1M") on a French page. */
    @Test
    void howAJobIsScheduledIsWordedInTheOperatorsLanguage() throws ConsoleDenied {
        Operator admin = new Operator("root@example.org", true, Set.of());
        String english = page.get(request(admin, Map.of())).toString();
        String french = page.get(new ConsoleRequest(admin, "", Map.of(), "token", java.util.Locale.FRENCH)).toString();

        assertThat(english).contains("every 1 minute").contains("once at ").contains(", persistent, unban")
                .doesNotContain("PT1M");
        assertThat(french).contains("à intervalle de 1 minute").contains("une fois, le ")
                .contains(", enregistrée, unban").doesNotContain("every", "once at");
    }
}
