package org.majordome.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.majordome.text.Phrase;

/**
 * Reads the {@code cluster:} section for {@link ConfigLoader}: absent, the bot runs alone (the default); present,
 * it needs {@code runtime.database} on PostgreSQL, which every instance shares.
 */
final class ClusterReader {

    static final String POSTGRESQL_URL_PREFIX = "jdbc:postgresql:";
    private static final Phrase INSTANCE_EXPECTED = Phrase.of("config.expected.instance",
            String.valueOf(ClusterSettings.MAX_INSTANCE_LENGTH));

    private ClusterReader() {
    }

    /**
     * @param top      the whole file, where the section is
     * @param database the {@code runtime.database} section as read
     */
    static Optional<ClusterSettings> cluster(ConfigReader top, Optional<DatabaseConnection> database) {
        if (!top.has("cluster")) { // absent, or "cluster:" with nothing under it
            return Optional.empty();
        }
        ConfigReader section = top.section("cluster");
        String instance = section.value("instance").flatMap(value -> value.as(INSTANCE_EXPECTED, ClusterReader::instance))
                .orElseGet(ClusterReader::hostName);
        Duration lease = section.duration("lease", ClusterSettings.DEFAULT_LEASE);
        boolean leaseValid = lease.compareTo(ClusterSettings.MIN_LEASE) >= 0;
        if (!leaseValid) {
            section.reportKeyProblem("lease", Phrase.of("config.problem.short-lease",
                    String.valueOf(ClusterSettings.MIN_LEASE.toSeconds()), lease.toString()));
        }
        Duration renewEvery = section.duration("renew-every", ClusterSettings.defaultRenewEvery(lease));
        boolean renewValid = renewEvery.multipliedBy(2).compareTo(lease) < 0;
        if (!renewValid) {
            section.reportKeyProblem("renew-every", Phrase.of("config.problem.slow-renewal", lease.toString(),
                    renewEvery.toString()));
        }
        section.rejectUnknownKeys();
        if (database.filter(connection -> connection.jdbcUrl().startsWith(POSTGRESQL_URL_PREFIX)).isEmpty()) {
            top.reportKeyProblem("cluster", Phrase.of(database.isPresent() ? "config.problem.cluster-database.other"
                    : "config.problem.cluster-database.embedded", POSTGRESQL_URL_PREFIX));
            return Optional.empty();
        }
        return leaseValid && renewValid ? Optional.of(new ClusterSettings(instance, lease, renewEvery)) : Optional.empty();
    }

    private static String instance(String text) {
        String name = text.strip();
        if (name.isEmpty() || name.length() > ClusterSettings.MAX_INSTANCE_LENGTH
                || name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException(name);
        }
        try {
            Resourcepart.from(name);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException(name, e);
        }
        return name;
    }

    /** The default instance name: the host's name, which differs between the hosts instances run on. */
    private static String hostName() {
        try {
            return instance(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException | IllegalArgumentException e) {
            return "majordome";
        }
    }
}
