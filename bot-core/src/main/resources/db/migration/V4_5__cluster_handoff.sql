-- A room's persistent job that fired on an instance not holding the room, handed over to the holder (see
-- org.majordome.schedule.RoomHandoff). Created on every database, used only in a cluster; portable SQL all the same.
-- claimed_by and claim_session name the instance (and its run) carrying the job out; a claim whose instance is no
-- longer alive, or an earlier run of the claiming instance, is taken over, so that the job is never lost.
CREATE TABLE cluster_handoff (
    job_group     VARCHAR(200) NOT NULL,
    job_name      VARCHAR(200) NOT NULL,
    token         VARCHAR(64)  NOT NULL,
    room_jid      VARCHAR(300) NOT NULL,
    handed_by     VARCHAR(200) NOT NULL,
    claimed_by    VARCHAR(200),
    claim_session VARCHAR(64),
    PRIMARY KEY (job_group, job_name)
);
