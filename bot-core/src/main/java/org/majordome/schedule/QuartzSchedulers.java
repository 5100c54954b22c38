package org.majordome.schedule;

import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.simpl.RAMJobStore;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.utils.DBConnectionManager;

/** Builds the two Quartz schedulers (see the package documentation) from the bot's settings. */
final class QuartzSchedulers {

    /** The prefix of the job store's tables, created by a Flyway migration; {@link StoredJobs} reads them too. */
    static final String TABLE_PREFIX = "QRTZ_";
    /** How often a clustered instance tells the others it lives; Quartz recovers the jobs of one silent for longer. */
    static final java.time.Duration CLUSTER_CHECKIN = java.time.Duration.ofSeconds(5);
    /** How often a clustered scheduler with nothing due looks for jobs the other instances stored. */
    static final java.time.Duration CLUSTER_IDLE_WAIT = java.time.Duration.ofSeconds(2);

    private QuartzSchedulers() {
    }

    static Scheduler memory(SchedulerSettings settings) throws SchedulerException {
        // In-memory jobs belong to one instance: in a cluster, its name tells them apart (instances may share a JVM).
        String name = settings.instanceName() + settings.clusterInstance().map(instance -> "-" + instance).orElse("")
                + "-memory";
        Properties properties = commonProperties(name, settings.memoryThreads());
        properties.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, RAMJobStore.class.getName());
        properties.setProperty("org.quartz.jobStore.misfireThreshold",
                Long.toString(settings.misfireThreshold().toMillis()));
        return new StdSchedulerFactory(properties).getScheduler();
    }

    /** Its instance name is {@link SchedulerSettings#instanceName()}, the {@code SCHED_NAME} of its rows. */
    static Scheduler persistent(DataSource dataSource, boolean postgreSql, SchedulerSettings settings)
            throws SchedulerException {
        // Quartz finds connection providers by name in a JVM-wide registry: a fresh name per instance.
        String dataSourceName = "majordome-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName,
                new DataSourceConnectionProvider(dataSource));
        Properties properties = settings.clusterInstance().isPresent()
                ? properties(settings.instanceName(), settings.persistentThreads(), settings.instanceName() + "-"
                        + settings.clusterInstance().get())
                : commonProperties(settings.instanceName(), settings.persistentThreads());
        properties.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, JobStoreTX.class.getName());
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", postgreSql
                ? PostgreSQLDelegate.class.getName() : StdJDBCDelegate.class.getName());
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        properties.setProperty("org.quartz.jobStore.tablePrefix", TABLE_PREFIX);
        properties.setProperty("org.quartz.jobStore.useProperties", "true");   // job data as text, not serialised Java
        properties.setProperty("org.quartz.jobStore.misfireThreshold",
                Long.toString(settings.misfireThreshold().toMillis()));
        if (settings.clusterInstance().isEmpty()) {
            properties.setProperty("org.quartz.jobStore.isClustered", "false");
            return new StdSchedulerFactory(properties).getScheduler();
        }
        // Every instance shares the scheduler name (the job store's SCHED_NAME) and has an id of its own: Quartz
        // fires each trigger on one instance, under the database's row locks, and recovers the jobs of one that died.
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, settings.clusterInstance().get());
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(CLUSTER_CHECKIN.toMillis()));
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        // A job another instance stored is not signalled to this one: without a short idle wait (Quartz's is 30 s),
        // a job whose instance stopped would fire here up to 30 s late.
        properties.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(CLUSTER_IDLE_WAIT.toMillis()));
        // Quartz's JVM-wide registry allows one scheduler per name (and hands back the one it has); instances of a
        // cluster may share a JVM (tests): each is taken out of the registry as soon as it is made, and reached
        // through the bot's own references only.
        synchronized (QuartzSchedulers.class) {
            if (SchedulerRepository.getInstance().lookup(settings.instanceName()) != null) {
                throw new IllegalStateException("a scheduler named '" + settings.instanceName()
                        + "' is already running in this JVM, outside the cluster");
            }
            Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
            SchedulerRepository.getInstance().remove(settings.instanceName());
            return scheduler;
        }
    }

    private static Properties commonProperties(String name, int threads) {
        // Quartz keeps schedulers in a JVM-wide registry by name and would hand back a running one.
        if (SchedulerRepository.getInstance().lookup(name) != null) {
            throw new IllegalStateException("a scheduler named '" + name + "' is already running in this JVM");
        }
        return properties(name, threads, name);
    }

    private static Properties properties(String name, int threads, String threadName) {
        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
        properties.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, SimpleThreadPool.class.getName());
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", threadName + "-job");
        properties.setProperty("org.quartz.scheduler.interruptJobsOnShutdownWithWait", "false");
        return properties;
    }
}
