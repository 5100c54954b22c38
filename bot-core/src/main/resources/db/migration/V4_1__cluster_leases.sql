-- Several instances of one bot on one PostgreSQL (see org.majordome.cluster). Created on every database, used only
-- when the configuration has a cluster section (which requires PostgreSQL); portable SQL all the same.
-- One lease per room: the instance holding it is the only one in the room until expires_at, in the database's time.
CREATE TABLE room_lease (
    room_jid   VARCHAR(300)             NOT NULL PRIMARY KEY,
    holder     VARCHAR(200)             NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One heartbeat per instance: the live instances are those whose alive_until is still ahead; rooms are shared
-- among them.
CREATE TABLE cluster_instance (
    instance_name VARCHAR(200)             NOT NULL PRIMARY KEY,
    alive_until   TIMESTAMP WITH TIME ZONE NOT NULL
);
