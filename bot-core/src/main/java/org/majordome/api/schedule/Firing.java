package org.majordome.api.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a job.
 *
 * @param jobName      the job's name
 * @param roomJid      the room of the job's scope, or empty for a plugin-wide job
 * @param scheduledFor when it was due
 * @param firedAt      when it actually started (later than {@code scheduledFor} after downtime)
 * @param late         a catch-up, a persistent job that had waited for its handler, or any run starting more
 *                     than a second after it was due
 */
public record Firing(String jobName, Optional<String> roomJid, Instant scheduledFor, Instant firedAt,
                     boolean late) {
    public Firing {
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(roomJid, "roomJid");
        Objects.requireNonNull(scheduledFor, "scheduledFor");
        Objects.requireNonNull(firedAt, "firedAt");
    }
}
