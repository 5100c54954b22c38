package org.majordome.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;

/**
 * A plugin's start resumes its jobs stored without a trigger (they came due while it was stopped). A job whose run was
 * ending as they were listed is deleted by that run between the listing and the resume.
 */
class PersistentJobResumeTest {

    private static final JobKey ENDING = new JobKey("unban:eve", "moderation/lobby@muc.example.org");

    private Scheduler quartz;

    @BeforeEach
    void storeAJobWithoutTrigger() throws SchedulerException {
        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "resume-test-" + UUID.randomUUID());
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        quartz = new StdSchedulerFactory(properties).getScheduler();
        quartz.addJob(JobBuilder.newJob(PersistentJob.class).withIdentity(ENDING).storeDurably()
                .usingJobData(PersistentJob.PLUGIN_ID, "moderation").usingJobData(PersistentJob.KIND, "expire")
                .build(), false);
    }

    @AfterEach
    void stop() throws SchedulerException {
        quartz.shutdown();
    }

    /** Was: "plugin 'moderation' failed to start: resuming the waiting 'expire' jobs of plugin moderation failed". */
    @Test
    void aJobDeletedByItsEndingRunWhileThePluginStartsDoesNotFailTheStart() throws SchedulerException {
        PersistentJobs jobs = new PersistentJobs(deletingAsTriggersAreRead(quartz), null, null, plugin -> false);

        assertThatCode(() -> jobs.registerHandler("moderation", "expire", (payload, firing) -> { }))
                .doesNotThrowAnyException();
        assertThat(quartz.checkExists(ENDING)).isFalse();
    }

    /** The scheduler as the listing meets it when the job's last run ends between reading the job and its triggers. */
    private static Scheduler deletingAsTriggersAreRead(Scheduler real) {
        return (Scheduler) Proxy.newProxyInstance(Scheduler.class.getClassLoader(), new Class<?>[] {Scheduler.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getTriggersOfJob")) {
                        real.deleteJob((JobKey) arguments[0]);
                    }
                    try {
                        return method.invoke(real, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
