-- Rooms the bot joined because an allowed person invited it (see org.majordome.room.InvitationDesk), kept only when
-- the configuration's invitations.keep is across-restarts: the bot joins them again after a restart.
CREATE TABLE invited_room (
    room_jid   VARCHAR(300) NOT NULL PRIMARY KEY,
    invited_by VARCHAR(300) NOT NULL,
    invited_at TIMESTAMP    NOT NULL
);
