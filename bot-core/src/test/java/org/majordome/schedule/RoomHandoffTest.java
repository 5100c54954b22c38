package org.majordome.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;

/**
 * What one firing of a room's persistent job does on an instance of a cluster ({@link RoomHandoff}): it runs only on
 * the room's holder and only once, whatever instance Quartz fired it on, and every firing that does not run it leaves
 * a later check, so that the job is never lost. The database is a stand-in here; {@code RoomJobHandoffIT} runs it on
 * PostgreSQL.
 */
class RoomHandoffTest {

    private static final String ROOM = "room@muc.localhost";
    private static final JobKey KEY = new JobKey("remind-1", "reminders/" + ROOM);
    private static final String TOKEN = "token-1";

    private final HandoffTable table = mock(HandoffTable.class);
    private final Scheduler quartz = mock(Scheduler.class);

    private RoomHandoff handoff(Set<String> held) {
        return new RoomHandoff(Optional.of(table), held::contains, quartz, Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    @Test
    void aRoomJobFiredOnAnInstanceThatDoesNotHoldTheRoomIsHandedOverAndCheckedAgainLater() throws Exception {
        assertThat(handoff(Set.of()).runsHere(KEY, ROOM, TOKEN)).isFalse();

        verify(table).handOver(KEY, TOKEN, ROOM);
        verify(quartz).scheduleJob(any(Trigger.class));
    }

    @Test
    void aRoomJobFiredOnTheHolderRunsThereAtOnce() throws Exception {
        when(table.find(KEY)).thenReturn(Optional.empty());
        stored(TOKEN);

        assertThat(handoff(Set.of(ROOM)).runsHere(KEY, ROOM, TOKEN)).isTrue();
        verify(table, never()).handOver(any(), any(), any());
    }

    @Test
    void aHandedOverJobFiredOnTheHolderRunsOnlyIfTheHolderClaimsIt() throws Exception {
        when(table.find(KEY)).thenReturn(Optional.of(new HandoffTable.State(TOKEN, true)));
        when(table.claim(KEY, TOKEN)).thenReturn(true);
        assertThat(handoff(Set.of(ROOM)).runsHere(KEY, ROOM, TOKEN)).isTrue();

        when(table.claim(KEY, TOKEN)).thenReturn(false);
        assertThat(handoff(Set.of(ROOM)).runsHere(KEY, ROOM, TOKEN)).as("claimed by another instance meanwhile")
                .isFalse();
        verify(quartz).scheduleJob(any(Trigger.class));
    }

    @Test
    void aHandedOverJobAnotherLiveInstanceCarriesOutIsNotRunAgainButCheckedLater() throws Exception {
        when(table.find(KEY)).thenReturn(Optional.of(new HandoffTable.State(TOKEN, false)));

        assertThat(handoff(Set.of(ROOM)).runsHere(KEY, ROOM, TOKEN)).isFalse();
        verify(table, never()).claim(any(), any());
        verify(quartz).scheduleJob(any(Trigger.class));
    }

    /** The holder that ran a handed-over job deletes it, then its hand-over: a firing that raced it finds no job. */
    @Test
    void aFiringThatRacedTheHoldersRunOfAHandedOverJobDoesNotRunItTwice() throws Exception {
        when(table.find(KEY)).thenReturn(Optional.empty());
        when(quartz.getJobDetail(KEY)).thenReturn(null);

        assertThat(handoff(Set.of(ROOM)).runsHere(KEY, ROOM, TOKEN)).isFalse();
    }

    @Test
    void aJobOfNoRoomOrOfABotRunningAloneRunsWhereItFires() {
        assertThat(handoff(Set.of()).runsHere(KEY, "", TOKEN)).isTrue();
        assertThat(RoomHandoff.none(quartz).runsHere(KEY, ROOM, TOKEN)).isTrue();
    }

    @Test
    void theHolderClaimsAndRunsOnlyTheHandedOverJobsOfItsRooms() {
        JobKey elsewhere = new JobKey("remind-2", "reminders/other@muc.localhost");
        when(table.claimable()).thenReturn(List.of(new HandoffTable.Handoff(KEY, TOKEN, ROOM),
                new HandoffTable.Handoff(elsewhere, "token-2", "other@muc.localhost")));
        when(table.claim(KEY, TOKEN)).thenReturn(true);
        RecordingRunner runner = new RecordingRunner();

        handoff(Set.of(ROOM)).poll(runner);

        assertThat(runner.ran).containsExactly(KEY);
        verify(table, never()).claim(elsewhere, "token-2");
    }

    @Test
    void aHandedOverJobAnotherInstanceClaimedFirstIsNotRunHere() {
        when(table.claimable()).thenReturn(List.of(new HandoffTable.Handoff(KEY, TOKEN, ROOM)));
        when(table.claim(KEY, TOKEN)).thenReturn(false);
        RecordingRunner runner = new RecordingRunner();

        handoff(Set.of(ROOM)).poll(runner);

        assertThat(runner.ran).isEmpty();
    }

    private void stored(String token) throws Exception {
        when(quartz.getJobDetail(KEY)).thenReturn(JobBuilder.newJob(PersistentJob.class).withIdentity(KEY)
                .usingJobData(PersistentJob.TOKEN, token).build());
    }

    private static final class RecordingRunner implements RoomHandoff.Runner {
        final List<JobKey> ran = new java.util.ArrayList<>();

        @Override
        public boolean canRun(JobKey key, String token) {
            return true;
        }

        @Override
        public void runClaimed(JobKey key, String token) {
            ran.add(key);
        }
    }
}
