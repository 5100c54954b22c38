-- The bot's own counters of what happened in each room, per hour (see org.majordome.activity): messages seen, and
-- moderation actions seen (kicks, bans, role and affiliation changes). Kept across restarts for the operator
-- console's activity chart. The hour is counted in whole hours since 1970-01-01T00:00Z, free of time zones.
CREATE TABLE room_activity (
    room_jid   VARCHAR(300) NOT NULL,
    epoch_hour BIGINT       NOT NULL,
    messages   BIGINT       NOT NULL,
    actions    BIGINT       NOT NULL,
    PRIMARY KEY (room_jid, epoch_hour)
);
