-- Plugin key/value storage. Portable SQL (H2 and PostgreSQL): standard types only.
-- room_jid is '' for a plugin's room-independent entries, so that it can be part of the primary key.
CREATE TABLE plugin_entry (
    plugin_id   VARCHAR(100)     NOT NULL,
    room_jid    VARCHAR(300)     NOT NULL,
    entry_key   VARCHAR(500)     NOT NULL,
    entry_value VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (plugin_id, room_jid, entry_key)
);

CREATE TABLE plugin_sequence (
    plugin_id     VARCHAR(100) NOT NULL,
    room_jid      VARCHAR(300) NOT NULL,
    sequence_name VARCHAR(500) NOT NULL,
    last_value    BIGINT       NOT NULL,
    PRIMARY KEY (plugin_id, room_jid, sequence_name)
);

-- When each in-memory cron job that wants a catch-up after downtime last fired (see org.majordome.schedule).
CREATE TABLE schedule_last_fire (
    job_group     VARCHAR(200) NOT NULL,
    job_name      VARCHAR(200) NOT NULL,
    last_fired_ms BIGINT       NOT NULL,
    PRIMARY KEY (job_group, job_name)
);
