package org.majordome.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jxmpp.jid.EntityBareJid;

/**
 * The whole validated configuration.
 *
 * @param source     the file it was read from
 * @param connection the server connection
 * @param admins     bare JIDs allowed to run every command and administer the bot
 * @param rooms      the rooms the bot keeps, in file order
 * @param runtime    runtime settings
 * @param dispatch   how events and commands reach plugins
 * @param monitoring the health and metrics endpoint
 * @param plugins    plugin sections by plugin id, in file order
 * @param warnings   what in the file is valid but can never apply (a plugin's section for a room where it is not
 *                   enabled), in file order; {@code check-config} prints them, start and reload log them
 * @param invitations who may invite the bot to rooms, and what those rooms run
 * @param cluster    when present, this bot is one instance of several sharing the rooms ({@code cluster:})
 * @param web        the embedded HTTP server and its web chat; empty: no HTTP server
 */
public record BotConfig(Path source, ConnectionSettings connection, Set<EntityBareJid> admins,
                        List<RoomSettings> rooms, RuntimeSettings runtime, DispatchSettings dispatch,
                        MonitoringSettings monitoring, Map<String, PluginSection> plugins, List<ConfigProblem> warnings,
                        InvitationSettings invitations, Optional<ClusterSettings> cluster, Optional<WebSettings> web) {
    public BotConfig {
        admins = Set.copyOf(admins);
        rooms = List.copyOf(rooms);
        plugins = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(plugins));
        warnings = List.copyOf(warnings);
        java.util.Objects.requireNonNull(invitations, "invitations");
        java.util.Objects.requireNonNull(cluster, "cluster");
        java.util.Objects.requireNonNull(web, "web");
    }

    /** A configuration of a bot that runs alone (no {@code cluster:} section) without an HTTP server. */
    public BotConfig(Path source, ConnectionSettings connection, Set<EntityBareJid> admins, List<RoomSettings> rooms,
                     RuntimeSettings runtime, DispatchSettings dispatch, MonitoringSettings monitoring,
                     Map<String, PluginSection> plugins, List<ConfigProblem> warnings, InvitationSettings invitations) {
        this(source, connection, admins, rooms, runtime, dispatch, monitoring, plugins, warnings, invitations,
                Optional.empty(), Optional.empty());
    }

    /** This configuration with another {@code cluster:} section (empty: the bot runs alone). */
    public BotConfig withCluster(Optional<ClusterSettings> value) {
        return new BotConfig(source, connection, admins, rooms, runtime, dispatch, monitoring, plugins, warnings,
                invitations, value, web);
    }

    /** This configuration with another {@code web:} section (empty: no HTTP server). */
    public BotConfig withWeb(Optional<WebSettings> value) {
        return new BotConfig(source, connection, admins, rooms, runtime, dispatch, monitoring, plugins, warnings,
                invitations, cluster, value);
    }

    /** A configuration with the default {@code invitations:} settings. */
    public BotConfig(Path source, ConnectionSettings connection, Set<EntityBareJid> admins, List<RoomSettings> rooms,
                     RuntimeSettings runtime, DispatchSettings dispatch, MonitoringSettings monitoring,
                     Map<String, PluginSection> plugins, List<ConfigProblem> warnings) {
        this(source, connection, admins, rooms, runtime, dispatch, monitoring, plugins, warnings,
                InvitationSettings.defaults());
    }

    /** This configuration with other {@code invitations:} settings. */
    public BotConfig withInvitations(InvitationSettings value) {
        return new BotConfig(source, connection, admins, rooms, runtime, dispatch, monitoring, plugins, warnings, value,
                cluster, web);
    }

    /** A configuration without warnings. */
    public BotConfig(Path source, ConnectionSettings connection, Set<EntityBareJid> admins, List<RoomSettings> rooms,
                     RuntimeSettings runtime, DispatchSettings dispatch, MonitoringSettings monitoring,
                     Map<String, PluginSection> plugins) {
        this(source, connection, admins, rooms, runtime, dispatch, monitoring, plugins, List.of());
    }

    /** Which plugins each room enables, by room JID, in file order. */
    public Map<String, List<String>> pluginsByRoom() {
        Map<String, List<String>> byRoom = new java.util.LinkedHashMap<>();
        rooms.forEach(room -> byRoom.put(room.jid().toString(), room.plugins()));
        return byRoom;
    }

    /** A configuration without the monitoring endpoint. */
    public BotConfig(Path source, ConnectionSettings connection, Set<EntityBareJid> admins, List<RoomSettings> rooms,
                     RuntimeSettings runtime, DispatchSettings dispatch, Map<String, PluginSection> plugins) {
        this(source, connection, admins, rooms, runtime, dispatch, MonitoringSettings.off(), plugins);
    }
}
