-- Several hosts on one database (pg-hosts). A person's partition is claimed with a transaction-scoped advisory lock
-- on their person_key (pg_advisory_xact_lock(hashtextextended(person_key, 0))), taken in the transaction that commits
-- the turn. So claims need no table: a host that dies loses its connection, and PostgreSQL rolls its transactions back
-- and releases its claims. Under the lock the person's oldest unprocessed update is read through
-- inbox_person_unprocessed; hosts find the updates other hosts left through inbox_unprocessed (both from 0003).
COMMENT ON INDEX inbox_person_unprocessed IS
    'Partition claims: under the advisory lock on person_key, the person''s oldest unprocessed update (pg-hosts, 0006).';
COMMENT ON INDEX inbox_unprocessed IS
    'Hosts poll it for updates stored by another host and left unprocessed (pg-hosts, 0006).';

-- The hosts processing on this database, each saying it is alive every poll (seen_at, each host's clock). While one
-- has stopped saying so, the others take over the updates it left at once; otherwise a live host keeps its own backlog.
CREATE TABLE hosts (
    id      text        PRIMARY KEY,
    seen_at timestamptz NOT NULL
);
