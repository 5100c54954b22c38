package org.majordome.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * The guest host's life cycle, with a stand-in host ({@link FakeGuestHost}) in a real child process: started at
 * the first session, a killed host ends its sessions as a lost connection and the next session starts another,
 * closing leaves no process behind, and the real host exits by itself when its stdin closes.
 */
class HostedSessionsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** What a visitor would be told, as text. */
    static final class Recorded implements VisitorSession.Events {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void frame(String json) {
            seen.add("frame " + json);
        }

        @Override
        public void joined() {
            seen.add("joined");
        }

        @Override
        public void ended(String lastFrame) {
            seen.add("ended " + lastFrame);
        }

        @Override
        public void kicked(String by, String reason) {
            seen.add("kicked " + by + " " + reason);
        }

        @Override
        public void bannedByServer(String affiliation, String by, String reason) {
            seen.add("banned " + affiliation);
        }

        @Override
        public void refusedAsBanned(String refusal) {
            seen.add("refused " + refusal);
        }

        @Override
        public void enteredAs(String role) {
            seen.add("entered " + role);
        }

        @Override
        public void roleChanged(String role) {
            seen.add("role " + role);
        }
    }

    private static HostedSessions sessions() throws Exception {
        return new HostedSessions(new GuestHost.Launch(GuestHostLinesTest.settings(), 5, 10,
                FakeGuestHost.class.getName()));
    }

    private static RoomSessions.Request request(String resource) throws Exception {
        return new RoomSessions.Request(resource, JidCreate.entityBareFrom("lobby@muc.example.org"),
                Resourcepart.from("Ann"), "Lobby", Locale.ENGLISH);
    }

    @Test
    void aSessionsCommandsAndEventsCrossTheProcessExactly() throws Exception {
        try (HostedSessions sessions = sessions()) {
            Recorded events = new Recorded();
            RoomSession session = sessions.open(request("majordome-web-a"), events);
            session.join();
            session.say(GuestHostLinesTest.HOSTILE);
            await().atMost(WAIT).until(() -> events.seen.equals(List.of("joined", "frame " + GuestHostLinesTest.HOSTILE)));
            assertThat(sessions.pid()).isPresent();
        }
    }

    @Test
    void aKilledGuestHostEndsItsSessionsAsLostConnectionsAndTheNextSessionStartsANewHost() throws Exception {
        long second;
        try (HostedSessions sessions = sessions()) {
            Recorded ann = new Recorded();
            Recorded bob = new Recorded();
            sessions.open(request("majordome-web-ann"), ann).join();
            sessions.open(request("majordome-web-bob"), bob).join();
            long first = sessions.pid().orElseThrow();
            await().atMost(WAIT).until(() -> ann.seen.contains("joined") && bob.seen.contains("joined"));

            ProcessHandle.of(first).orElseThrow().destroyForcibly();

            for (Recorded visitor : List.of(ann, bob)) {
                await().atMost(WAIT).until(() -> visitor.seen.stream().anyMatch(seen -> seen.startsWith("ended ")
                        && seen.contains("\"unavailable\"") && seen.contains("lost its connection")));
            }
            Recorded again = new Recorded();
            sessions.open(request("majordome-web-again"), again).join();
            await().atMost(WAIT).until(() -> again.seen.contains("joined"));
            second = sessions.pid().orElseThrow();
            assertThat(second).isNotEqualTo(first);
            assertThat(ann.seen.stream().filter(seen -> seen.startsWith("ended ")).count()).isOne();
        }
        assertThat(ProcessHandle.of(second).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void theGuestHostExitsByItselfWhenItsStdinCloses() throws Exception {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        GuestHost host = GuestHost.start(new GuestHost.Launch(GuestHostLinesTest.settings(), 0, 10), new GuestHost.Listener() {
            @Override
            public void event(GuestHost from, GuestHostVerbs.Received<GuestHostVerbs.Event> event) {
            }

            @Override
            public void died(GuestHost from, int exitCode) {
                exit.complete(exitCode);
            }
        });
        ProcessHandle process = ProcessHandle.of(host.pid()).orElseThrow();
        try {
            // What a bot killed outright does to its host: its end of the pipe closes, nothing else.
            host.closeStdin();
            await().atMost(WAIT).until(exit::isDone);
            assertThat(exit.get()).isZero();
        } finally {
            host.close();
        }
        assertThat(process.isAlive()).isFalse();
    }
}
