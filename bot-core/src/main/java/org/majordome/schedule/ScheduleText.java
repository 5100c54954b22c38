package org.majordome.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.majordome.api.schedule.CatchUp;
import org.majordome.text.Phrase;
import org.majordome.text.Worded;

/**
 * How a job is scheduled, in words of the runtime's bundle ({@code schedule.*}): the console's schedule page words it
 * in the operator's language, {@link org.majordome.api.schedule.ScheduledJob#schedule()} and the log in English.
 */
public final class ScheduleText {

    private ScheduleText() {
    }

    public static Phrase cron(String expression, ZoneId zone, CatchUp catchUp) {
        return Phrase.of(catchUp == CatchUp.ONCE ? "schedule.cron.catch-up" : "schedule.cron", expression, zone.getId());
    }

    public static Phrase every(Duration interval) {
        return Phrase.of("schedule.every", (Worded) words -> words.duration(interval));
    }

    public static Phrase once(Instant at) {
        return Phrase.of("schedule.once", (Worded) words -> words.moment(at));
    }

    /** A persistent job: due once, of a kind its plugin handles. */
    public static Phrase stored(Instant at, String kind) {
        return Phrase.of("schedule.once.persistent", (Worded) words -> words.moment(at), kind);
    }
}
