/**
 * The bot's database, the plugin storage built on it (internal: plugins see only
 * {@link org.majordome.api.storage}) and the table of room configuration overlays the room keeper keeps
 * ({@link org.majordome.store.RoomOverlayTable}), and the rooms the bot was invited to and keeps across restarts
 * ({@link org.majordome.store.InvitedRoomTable}).
 *
 * <p>By default an embedded H2 database in file mode under the data directory
 * ({@code <dataDir>/majordome.mv.db}), created on first start; any other JDBC URL (PostgreSQL) can be
 * configured instead. The schema is migrated by Flyway from {@code db/migration}, in SQL that both H2 and
 * PostgreSQL accept. The same database holds Quartz's job store (see {@code org.majordome.schedule}).
 *
 * <p>Durability: the embedded URL sets {@code WRITE_DELAY=0}, so H2 writes every commit to its file
 * before the commit returns (the default, 500 ms, keeps recent commits in memory and loses them if the
 * process is killed). H2 does not fsync each commit, so this protects against a killed process, not
 * against a power loss of the machine.
 */
package org.majordome.store;
