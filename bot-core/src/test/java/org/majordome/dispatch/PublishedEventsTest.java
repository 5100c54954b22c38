package org.majordome.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.BotEvent;
import org.majordome.api.event.GatePassedEvent;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.Role;

/** Events a plugin publishes reach the dispatcher once it is connected; before, they are dropped, never thrown. */
class PublishedEventsTest {

    private static final GatePassedEvent PASSED = new GatePassedEvent("lobby@conference.example.org",
            new Occupant("vera", Optional.empty(), Optional.empty(), Role.VISITOR, Affiliation.NONE), "answered",
            Instant.EPOCH);

    @Test
    void anEventPublishedBeforeTheDispatcherRunsIsDroppedAndOneAfterIsOffered() {
        PublishedEvents events = new PublishedEvents(Clock.systemUTC());
        List<BotEvent> offered = new ArrayList<>();

        events.publish("gate", PASSED);
        events.connect(offered::add);
        events.publish("gate", PASSED);

        assertThat(offered).containsExactly(PASSED);
    }
}
