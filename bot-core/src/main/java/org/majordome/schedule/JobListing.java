package org.majordome.schedule;

import java.time.Instant;
import java.util.Optional;

import org.majordome.text.Phrase;

/**
 * One scheduled job as the operator console lists it ({@link SchedulerService#listing()}).
 *
 * @param pluginId   the plugin it belongs to
 * @param room       the room it was scheduled for, when the plugin scheduled it in a room's scope
 * @param name       its name within that scope
 * @param persistent stored in the database (it survives a restart) rather than held in memory
 * @param schedule   how it is scheduled, for people: worded in the reader's language ({@link ScheduleText})
 * @param nextRun    when it runs next; empty when it has no more runs or waits for its plugin's handler
 */
public record JobListing(String pluginId, Optional<String> room, String name, boolean persistent, Phrase schedule,
                         Optional<Instant> nextRun) {
}
