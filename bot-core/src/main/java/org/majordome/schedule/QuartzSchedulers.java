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

    private QuartzSchedulers() {
    }

    static Scheduler memory(SchedulerSettings settings) throws SchedulerException {
        String name = settings.instanceName() + "-memory";
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
        Properties properties = commonProperties(settings.instanceName(), settings.persistentThreads());
        properties.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, JobStoreTX.class.getName());
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", postgreSql
                ? PostgreSQLDelegate.class.getName() : StdJDBCDelegate.class.getName());
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        properties.setProperty("org.quartz.jobStore.tablePrefix", TABLE_PREFIX);
        properties.setProperty("org.quartz.jobStore.useProperties", "true");   // job data as text, not serialised Java
        properties.setProperty("org.quartz.jobStore.isClustered", "false");
        properties.setProperty("org.quartz.jobStore.misfireThreshold",
                Long.toString(settings.misfireThreshold().toMillis()));
        return new StdSchedulerFactory(properties).getScheduler();
    }

    private static Properties commonProperties(String name, int threads) {
        // Quartz keeps schedulers in a JVM-wide registry by name and would hand back a running one.
        if (SchedulerRepository.getInstance().lookup(name) != null) {
            throw new IllegalStateException("a scheduler named '" + name + "' is already running in this JVM");
        }
        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
        properties.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, SimpleThreadPool.class.getName());
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", name + "-job");
        properties.setProperty("org.quartz.scheduler.interruptJobsOnShutdownWithWait", "false");
        return properties;
    }
}
