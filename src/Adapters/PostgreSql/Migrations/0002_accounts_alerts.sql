-- Admin-console accounts, API keys and operator alerts (the LiteDB collections admins, api_keys, alerts), plus an
-- index for reading one purpose's consents in one state page by page (a mailing's audience).

-- id: the login, trimmed and lower-case (unique ignoring case, as LiteDB's collation compares).
CREATE TABLE admins (
    id  text  PRIMARY KEY,
    doc jsonb NOT NULL
);

-- id: the key's name, trimmed and lower-case. Only the key's SHA-256 is in doc.
CREATE TABLE api_keys (
    id  text  PRIMARY KEY,
    doc jsonb NOT NULL
);

-- An alert is stored once per key across every host: the unique key with ON CONFLICT DO NOTHING decides which raise wins.
CREATE SEQUENCE alerts_seq;
CREATE TABLE alerts (
    id                  bigint      PRIMARY KEY,
    key                 text        NOT NULL UNIQUE,
    acknowledged_at_utc timestamptz,
    doc                 jsonb       NOT NULL
);
CREATE INDEX alerts_open ON alerts (id) WHERE acknowledged_at_utc IS NULL;

CREATE INDEX consents_purpose_state_id ON consents (purpose_id, state, id);
