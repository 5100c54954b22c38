-- Temporary overlays on a room's desired configuration (a lockdown...), kept by the room keeper
-- (see org.majordome.room): they outlive a restart, and what the room had before each comes back when it ends.
-- settings and previous are "moderated=true,members-only=false": what the overlay sets, and the room's
-- values of those settings when it was applied; applied_seq orders them (a later overlay wins).
CREATE TABLE room_config_overlay (
    room_jid     VARCHAR(300)  NOT NULL,
    overlay_name VARCHAR(200)  NOT NULL,
    settings     VARCHAR(2000) NOT NULL,
    previous     VARCHAR(2000) NOT NULL,
    applied_seq  BIGINT        NOT NULL,
    PRIMARY KEY (room_jid, overlay_name)
);
