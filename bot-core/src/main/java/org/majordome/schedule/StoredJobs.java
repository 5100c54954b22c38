package org.majordome.schedule;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import org.majordome.api.schedule.SchedulingException;

/**
 * Lists the persistent jobs of one Quartz group in one query. Quartz's own API has no bulk read of job
 * details: listing the keys and then reading each job would cost a query per job. The rows are those of the
 * persistent scheduler's job store, whose data map is stored as {@link Properties} text
 * ({@code org.quartz.jobStore.useProperties}), the format Quartz itself reads back.
 */
final class StoredJobs {

    /** What a listing needs of a stored job. */
    record StoredJob(String name, String kind, String dueAt) { }

    private static final String SELECT_GROUP = "SELECT JOB_NAME, JOB_DATA FROM " + QuartzSchedulers.TABLE_PREFIX
            + "JOB_DETAILS WHERE SCHED_NAME = ? AND JOB_GROUP = ?";

    private final DataSource dataSource;
    private final String schedulerName;

    StoredJobs(DataSource dataSource, String schedulerName) {
        this.dataSource = dataSource;
        this.schedulerName = schedulerName;
    }

    List<StoredJob> inGroup(String group) {
        List<StoredJob> jobs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT_GROUP)) {
            select.setString(1, schedulerName);
            select.setString(2, group);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Properties data = jobData(rows.getBytes(2));
                    jobs.add(new StoredJob(rows.getString(1), data.getProperty(PersistentJob.KIND),
                            data.getProperty(PersistentJob.DUE_AT)));
                }
            }
        } catch (SQLException | IOException e) {
            throw new SchedulingException("listing the persistent jobs of group " + group + " failed", e);
        }
        return jobs;
    }

    private static Properties jobData(byte[] stored) throws IOException {
        Properties data = new Properties();
        if (stored != null) {
            data.load(new ByteArrayInputStream(stored));
        }
        return data;
    }
}
