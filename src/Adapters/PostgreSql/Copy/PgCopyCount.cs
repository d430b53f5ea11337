namespace PdBot.Adapters.PostgreSql.Copy;

/// <summary>
/// One line of the copy's check: the LiteDB collections that fill <paramref name="Table"/>, their documents and the
/// table's rows after the copy (<paramref name="Table"/> and <paramref name="PgRows"/> are null for a collection not
/// copied row for row, such as the id sequences).
/// </summary>
public sealed record PgCopyCount(IReadOnlyList<string> Collections, string? Table, long LiteDocuments, long? PgRows)
{
    public bool Matches => Table is null || LiteDocuments == PgRows;
}
