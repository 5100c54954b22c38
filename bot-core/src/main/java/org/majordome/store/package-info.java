/**
 * The bot's database, the plugin storage built on it (internal: plugins see only
 * {@link org.majordome.api.storage}) and the table of room configuration overlays the room keeper keeps
 * ({@link org.majordome.store.RoomOverlayTable}), and the rooms the bot was invited to and keeps across restarts
 * ({@link org.majordome.store.InvitedRoomTable}), and the plugins operators disabled
 * ({@link org.majordome.store.DisabledPluginTable}).
 *
 * <p>By default an embedded H2 database in file mode under the data directory
 * ({@code <dataDir>/majordome.mv.db}), created on first start; any other JDBC URL (PostgreSQL) can be
 * configured instead. The schema is migrated by Flyway from {@code db/migration}, in SQL that both H2 and
 * PostgreSQL accept. The same database holds Quartz's job store (see {@code org.majordome.schedule}), which takes its
 * connections from the same pool: H2's own for the embedded database, HikariCP on PostgreSQL ({@link
 * org.majordome.store.Database}), sized by {@code runtime.database.max-connections}.
 *
 * <p>Several instances on one PostgreSQL (a cluster): every write transaction also takes a PostgreSQL advisory lock
 * per namespace ({@code TransactionRunner}), so that read-modify-write is safe across the instances; a
 * {@link org.majordome.store.StorageService#shared shared} storage announces each committed change
 * ({@code NOTIFY}, {@code ChangeNotice}) and hears the others' ({@code PostgresChangeFeed}: {@code LISTEN} on a
 * connection of its own, connected again when it drops, after which every plugin is told to read everything again),
 * for the plugins' {@link org.majordome.api.storage.PluginStorage#onChangedElsewhere} listeners
 * ({@code StorageChanges}). The writes of a room's job on an instance of a cluster are fenced by the room's lease
 * ({@link org.majordome.store.LeaseFence}): checked in the writing transaction, they are refused once the room is
 * another instance's.
 *
 * <p>Durability: the embedded URL sets {@code WRITE_DELAY=0}, so H2 writes every commit to its file
 * before the commit returns (the default, 500 ms, keeps recent commits in memory and loses them if the
 * process is killed). H2 does not fsync each commit, so this protects against a killed process, not
 * against a power loss of the machine.
 */
package org.majordome.store;
