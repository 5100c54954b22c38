package org.majordome.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Hands a stored job (plugin, kind, payload in its data map) to the plugin's handler. */
@DisallowConcurrentExecution
public final class PersistentJob implements Job {

    static final String PLUGIN_ID = "pluginId";
    static final String ROOM_JID = "roomJid";
    static final String KIND = "kind";
    static final String PAYLOAD = "payload";
    static final String DUE_AT = "dueAt";
    /** Tells this scheduling of the job apart from a later one under the same name. */
    static final String TOKEN = "token";

    private final PersistentJobs jobs;

    PersistentJob(PersistentJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        jobs.run(context);
    }
}
