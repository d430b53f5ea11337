namespace PdBot.Adapters.LiteDb;

/// <summary>Which store holds PdBot's data (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>One embedded LiteDB file, one host (the default).</summary>
    LiteDb,

    /// <summary>A PostgreSQL database that several hosts may share.</summary>
    PostgreSql,
}
