package org.majordome.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Runs an in-memory task, found by the job's key. A run still going when the next is due makes it wait. */
@DisallowConcurrentExecution
public final class MemoryJob implements Job {

    private final MemoryJobs jobs;

    MemoryJob(MemoryJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        jobs.run(context);
    }
}
