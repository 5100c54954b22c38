-- The operator console's one-time login links and sessions (see org.majordome.console.LoginRecords), in the database
-- so that they hold across a restart and on every instance of a cluster: a link sent by one instance may be opened
-- through another. Tokens are kept only as their SHA-256 (token_hash), so this table logs nobody in. The expiry is in
-- milliseconds since the epoch, free of the instances' time zones.
CREATE TABLE console_login (
    token_hash VARCHAR(64)   NOT NULL PRIMARY KEY,
    kind       VARCHAR(16)   NOT NULL,
    jid        VARCHAR(3071) NOT NULL,
    csrf       VARCHAR(64)   NOT NULL,
    expires_ms BIGINT        NOT NULL
);
CREATE INDEX console_login_expiry ON console_login (kind, expires_ms);
