-- Core tables: people, consents, consent texts, the audit chain and its head, named sequences' markers.
-- A person (people.id, whose key is channel + platform user id) is the unit of distribution: every table holding
-- one person's data carries person_id, the future Citus distribution column. Objects are stored whole as JSON in
-- doc (mapped as the LiteDB store maps them); the columns beside it are what queries filter and sort on.

CREATE TABLE meta (
    id  text PRIMARY KEY,
    doc jsonb NOT NULL
);
