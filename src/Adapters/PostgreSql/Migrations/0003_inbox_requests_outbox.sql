-- The inbox (stored platform updates), the channels' read cursors, subject requests and the outbox.
-- Text ids sort byte-wise (COLLATE "C"), as the LiteDB store orders them (ordinal), whatever the database's collation.

-- One row per platform update; the primary key is the dedupe: a redelivery, on any host, inserts nothing.
-- person_key ("{channel}:{platform user id}") is the processing partition; a host claims a person's unprocessed
-- updates by it, in order (received_at, id). received_at holds the document's time (milliseconds, as LiteDB keeps it).
CREATE TABLE inbox (
    id           text COLLATE "C" PRIMARY KEY,
    channel      text        NOT NULL,
    person_key   text COLLATE "C",
    received_at  timestamptz NOT NULL,
    processed_at timestamptz,
    set_aside    boolean     NOT NULL,
    has_payload  boolean     NOT NULL,
    doc          jsonb       NOT NULL
);
CREATE INDEX inbox_unprocessed ON inbox (channel, received_at, id) WHERE processed_at IS NULL;
CREATE INDEX inbox_person_unprocessed ON inbox (person_key, received_at, id) WHERE processed_at IS NULL;
CREATE INDEX inbox_person ON inbox (person_key);
CREATE INDEX inbox_processed ON inbox (received_at) WHERE processed_at IS NOT NULL;

-- A channel's read position (e.g. VK Long Poll ts).
CREATE TABLE cursors (
    id    text PRIMARY KEY,
    value text NOT NULL
);

-- Request numbers people see ("№ 12"): handed out when a request is created, before it commits.
CREATE SEQUENCE requests_seq;

CREATE TABLE requests (
    id        bigint  PRIMARY KEY,
    person_id text    NOT NULL,
    state     text    NOT NULL,
    is_open   boolean NOT NULL,
    doc       jsonb   NOT NULL
);
CREATE INDEX requests_person ON requests (person_id);
CREATE INDEX requests_open ON requests (id) WHERE is_open;

-- Outgoing platform calls; every store that sends with what it saves takes its ids here.
CREATE SEQUENCE outbox_seq;

-- A message carries chat and platform user ids, not the person's id, so it has no person_id column.
CREATE TABLE outbox (
    id          bigint      PRIMARY KEY,
    channel     text        NOT NULL,
    kind        text        NOT NULL,
    request_id  bigint,
    dedupe_key  text,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz,
    failed_at   timestamptz,
    doc         jsonb       NOT NULL
);
CREATE INDEX outbox_pending ON outbox (channel, id) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_request ON outbox (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX outbox_dedupe ON outbox (dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX outbox_kind_created ON outbox (kind, created_at);
