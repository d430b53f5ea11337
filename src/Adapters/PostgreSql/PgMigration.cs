namespace PdBot.Adapters.PostgreSql;

/// <summary>One schema migration: its version (the file's number), file name, SQL and the SQL's SHA-256.</summary>
public sealed record PgMigration(int Version, string Name, string Sql, string Sha256);
