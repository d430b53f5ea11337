-- Core tables: people, consents, consent texts, the audit chain and its head, and small named values (meta).
-- A person (people.id; people.person_key is channel + platform user id) is the unit of distribution: every table
-- holding one person's data carries person_id, the future Citus distribution column. Objects are stored whole as
-- JSON in doc, mapped exactly as the LiteDB store maps them; the columns beside it are what queries filter and sort on.

CREATE TABLE meta (
    id  text PRIMARY KEY,
    doc jsonb NOT NULL
);

CREATE TABLE people (
    id         text PRIMARY KEY,
    person_key text NOT NULL UNIQUE,
    doc        jsonb NOT NULL
);

CREATE TABLE consents (
    id           text PRIMARY KEY,
    person_id    text    NOT NULL,
    purpose_id   text    NOT NULL,
    state        text    NOT NULL,
    text_version integer NOT NULL,
    doc          jsonb   NOT NULL
);
CREATE INDEX consents_person ON consents (person_id);
CREATE INDEX consents_purpose_state_version ON consents (purpose_id, state, text_version);

CREATE TABLE consent_texts (
    id         text    PRIMARY KEY,   -- "{purpose}/{version}"
    purpose_id text    NOT NULL,
    version    integer NOT NULL,
    doc        jsonb   NOT NULL
);

-- The hash chain: one row per entry, seq without gaps. Appends lock the single audit_head row for the rest of their
-- transaction, so entries from every host are sealed one after another into one chain.
CREATE TABLE audit (
    seq        bigint      PRIMARY KEY,
    time_utc   timestamptz NOT NULL,
    kind       text        NOT NULL,
    event      text        NOT NULL,
    channel    text        NOT NULL,
    person_id  text,
    user_id    text,
    purpose_id text,
    actor      text        NOT NULL,
    doc        jsonb       NOT NULL
);
CREATE INDEX audit_person ON audit (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX audit_user ON audit (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX audit_kind ON audit (kind, seq);
CREATE INDEX audit_time ON audit (time_utc);

CREATE TABLE audit_head (
    id   integer PRIMARY KEY CHECK (id = 1),
    seq  bigint  NOT NULL,
    hash text    NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
