using Npgsql;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// The PostgreSQL store: one connection pool for reads and transactions. Several hosts may use the same database at
/// once, so nothing here is cached across calls; a conversation turn's writes are held in a <see cref="PgTurnWrites"/>
/// scope and committed in one transaction with the turn's replies, like the LiteDB store's deferred writes.
/// </summary>
public sealed class PgStorage : IDisposable
{
    public PgStorage(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "pdbot";
        DataSource = builder.Build();
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>An open connection for reads (dispose it to return it to the pool).</summary>
    public NpgsqlConnection Open() => DataSource.OpenConnection();

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction of its own, or, inside a turn (<see cref="PgTurnWrites"/>), adds it
    /// to the turn's writes, which commit with the turn.
    /// </summary>
    public Task WriteAsync(Func<PgTx, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (PgTurnWrites.Current is { } turn)
        {
            turn.Add(work);
            return Task.CompletedTask;
        }

        return CommitNowAsync(work, cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> in a transaction of its own now, even inside a turn (the turn's own commit).</summary>
    public async Task CommitNowAsync(Func<PgTx, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await work(new PgTx(connection, transaction));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The next value of a PostgreSQL sequence: ids handed out when an object is created, before it commits.</summary>
    public long NextId(string sequence)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("SELECT nextval($1::regclass)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = sequence });
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Runs a query and maps each row (for reads outside a transaction).</summary>
    public List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> map, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(map);
        using var connection = Open();
        using var command = PgTx.Command(connection, null, sql, args);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>The documents (column <c>doc</c> read as the first column) a query returns.</summary>
    public List<T> Documents<T>(string sql, params object?[] args) => Query(sql, r => PgDocuments.FromJson<T>(r.GetString(0)), args);

    /// <summary>Runs a statement outside any turn and returns the rows it affected.</summary>
    public int Execute(string sql, params object?[] args)
    {
        using var connection = Open();
        using var command = PgTx.Command(connection, null, sql, args);
        return command.ExecuteNonQuery();
    }

    public void Dispose() => DataSource.Dispose();
}
