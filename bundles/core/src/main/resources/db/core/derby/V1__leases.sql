-- Which node does a periodic piece of work (a purge, a reconciliation) until when: one row per kind of work.
CREATE TABLE HA_LEASE (NAME VARCHAR(100) NOT NULL, OWNER VARCHAR(200) NOT NULL, UNTIL_MILLIS BIGINT NOT NULL, PRIMARY KEY (NAME));
