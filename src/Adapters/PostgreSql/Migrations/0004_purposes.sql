-- What the consents are for: inbox conversations and their messages, consultation requests, reviews, patient links,
-- bindings, notifications and callbacks, mailings and their delivery ledgers. One table per LiteDB collection, named
-- after it; the whole object in doc (mapped as the LiteDB store maps it), beside it the columns queries filter on.
-- Rows of one person carry person_id (the future Citus distribution column).

-- Ids handed out before an object commits (a turn may show «запрос №12» first), as the LiteDB store's id sequences.
CREATE SEQUENCE conversations_seq;
CREATE SEQUENCE conversation_messages_seq;
CREATE SEQUENCE leads_seq;
CREATE SEQUENCE reviews_seq;
CREATE SEQUENCE patient_notifications_seq;
CREATE SEQUENCE patient_callbacks_seq;
CREATE SEQUENCE mailings_seq;

CREATE TABLE conversations (
    id        bigint PRIMARY KEY,
    person_id text   NOT NULL,
    state     text   NOT NULL,
    doc       jsonb  NOT NULL
);
CREATE INDEX conversations_person ON conversations (person_id);
CREATE INDEX conversations_state ON conversations (state);

CREATE TABLE conversation_messages (
    id              bigint      PRIMARY KEY,
    conversation_id bigint      NOT NULL,
    person_id       text        NOT NULL,
    at_utc          timestamptz NOT NULL,
    doc             jsonb       NOT NULL
);
CREATE INDEX conversation_messages_conversation ON conversation_messages (conversation_id);
CREATE INDEX conversation_messages_person ON conversation_messages (person_id);
CREATE INDEX conversation_messages_at ON conversation_messages (at_utc);

CREATE TABLE leads (
    id               bigint      PRIMARY KEY,
    person_id        text        NOT NULL,
    state            text        NOT NULL,
    destroyed_at_utc timestamptz,
    doc              jsonb       NOT NULL
);
CREATE INDEX leads_person ON leads (person_id);
CREATE INDEX leads_state ON leads (state);
CREATE INDEX leads_with_personal_data ON leads (id) WHERE destroyed_at_utc IS NULL;

CREATE TABLE reviews (
    id        bigint PRIMARY KEY,
    person_id text   NOT NULL,
    state     text   NOT NULL,
    doc       jsonb  NOT NULL
);
CREATE INDEX reviews_person ON reviews (person_id);
CREATE INDEX reviews_state ON reviews (state);

-- A link exists before anyone opens it: person_id (the person who opened it, PendingPersonId) is null until then.
CREATE TABLE patient_links (
    id          text        PRIMARY KEY,   -- the code's hash
    external_id text        NOT NULL,
    person_id   text,
    used_at_utc timestamptz,
    doc         jsonb       NOT NULL
);
CREATE INDEX patient_links_external ON patient_links (external_id);
CREATE INDEX patient_links_person ON patient_links (person_id) WHERE person_id IS NOT NULL;

CREATE TABLE patient_bindings (
    id        text  PRIMARY KEY,   -- the clinic's patient id
    person_id text  NOT NULL,
    doc       jsonb NOT NULL
);
CREATE INDEX patient_bindings_person ON patient_bindings (person_id);

CREATE TABLE patient_notifications (
    id        bigint PRIMARY KEY,
    person_id text   NOT NULL,
    doc       jsonb  NOT NULL
);
CREATE INDEX patient_notifications_person ON patient_notifications (person_id);

CREATE TABLE patient_callbacks (
    id                  bigint      PRIMARY KEY,
    person_id           text        NOT NULL,
    next_attempt_at_utc timestamptz NOT NULL,
    delivered_at_utc    timestamptz,
    doc                 jsonb       NOT NULL
);
CREATE INDEX patient_callbacks_person ON patient_callbacks (person_id);
CREATE INDEX patient_callbacks_due ON patient_callbacks (next_attempt_at_utc, id) WHERE delivered_at_utc IS NULL;

CREATE TABLE mailings (
    id    bigint PRIMARY KEY,
    state text   NOT NULL,
    doc   jsonb  NOT NULL
);
CREATE INDEX mailings_state ON mailings (state);

-- One row per person and mailing ("{mailing}/{person}"): the unique key makes a second host's insert of the same
-- person's delivery a no-op, so the ledger stays the proof of who was sent what, once.
CREATE TABLE mailing_ledger (
    id         text   PRIMARY KEY,
    mailing_id bigint NOT NULL,
    person_id  text   NOT NULL,
    state      text   NOT NULL,
    doc        jsonb  NOT NULL,
    CONSTRAINT mailing_ledger_one_per_person UNIQUE (mailing_id, person_id)
);
CREATE INDEX mailing_ledger_person ON mailing_ledger (person_id);
