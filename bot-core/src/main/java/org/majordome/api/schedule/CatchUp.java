package org.majordome.api.schedule;

/** What a cron job does about fire times that passed while the bot was down or too busy to run it. */
public enum CatchUp {
    /** Skip them: the next run is the next fire time from now. */
    NONE,
    /** Run once, as soon as possible, however many were missed (also after a restart); then go on. */
    ONCE
}
