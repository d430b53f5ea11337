-- Console registers: incidents, Roskomnadzor requests, unlawful-processing cases. Numbers people and the regulator see
-- ("№ 3") come from a sequence per register, handed out when a case is created, before it commits. An incident may
-- concern many people (its document lists them), so it has no person_id; a request or case about one person carries it.

CREATE SEQUENCE incidents_seq;

CREATE TABLE incidents (
    id  bigint PRIMARY KEY,
    doc jsonb  NOT NULL
);

CREATE SEQUENCE authority_requests_seq;

CREATE TABLE authority_requests (
    id        bigint PRIMARY KEY,
    person_id text,
    doc       jsonb  NOT NULL
);
CREATE INDEX authority_requests_person ON authority_requests (person_id) WHERE person_id IS NOT NULL;

CREATE SEQUENCE unlawful_cases_seq;

CREATE TABLE unlawful_cases (
    id        bigint PRIMARY KEY,
    person_id text   NOT NULL,
    doc       jsonb  NOT NULL
);
CREATE INDEX unlawful_cases_person ON unlawful_cases (person_id);

-- The keys that sign admin sign-in cookies (ASP.NET Core DataProtection), shared by every host so that a cookie
-- issued by one host is accepted by the others. One row per key, as the key ring's XML element.
CREATE TABLE dataprotection_keys (
    id         text        PRIMARY KEY,   -- the key's friendly name ("key-{guid}")
    xml        text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
