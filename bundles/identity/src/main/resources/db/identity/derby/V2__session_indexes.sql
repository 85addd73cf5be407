-- Sessions are ended by account (logout everywhere, staff ending an account's sessions, merges, holder changes)
-- and purged by expiry every day: both were scans of the whole table.
CREATE INDEX IX_SESSION_ACCOUNT ON HA_SESSION (ACCOUNT_ID);
CREATE INDEX IX_SESSION_EXPIRES ON HA_SESSION (EXPIRES_AT);
