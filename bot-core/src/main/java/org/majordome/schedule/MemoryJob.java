package org.majordome.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Runs an in-memory task, found by the job's key. A run still going when the next is due makes it wait. */
@DisallowConcurrentExecution
public final class MemoryJob implements Job {

    private final SchedulerService service;

    MemoryJob(SchedulerService service) {
        this.service = service;
    }

    @Override
    public void execute(JobExecutionContext context) {
        service.runMemoryTask(context);
    }
}
