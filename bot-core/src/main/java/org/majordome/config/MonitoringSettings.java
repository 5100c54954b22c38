package org.majordome.config;

import java.util.Optional;

/**
 * The health and metrics HTTP endpoint, off unless a port is given.
 *
 * @param httpPort    the port to serve {@code /health/live}, {@code /health/ready} and {@code /metrics} on
 * @param httpAddress the address to bind (loopback by default: put a reverse proxy in front to expose it)
 */
public record MonitoringSettings(Optional<Integer> httpPort, String httpAddress) {

    public static MonitoringSettings off() {
        return new MonitoringSettings(Optional.empty(), "127.0.0.1");
    }
}
