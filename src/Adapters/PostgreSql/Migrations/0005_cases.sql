-- The keys that sign admin sign-in cookies (ASP.NET Core DataProtection), shared by every host so that a cookie
-- issued by one host is accepted by the others. One row per key, as the key ring's XML element.
CREATE TABLE dataprotection_keys (
    id         text        PRIMARY KEY,   -- the key's friendly name ("key-{guid}")
    xml        text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
