using Npgsql;

namespace PdBot.Adapters.PostgreSql;

/// <summary>One open transaction: the statements a store's write runs, with positional parameters ($1, $2, …).</summary>
public sealed class PgTx(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

    public async Task<int> ExecuteAsync(string sql, params object?[] args)
    {
        await using var command = Command(Connection, Transaction, sql, args);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql, params object?[] args)
    {
        await using var command = Command(Connection, Transaction, sql, args);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(map);
        await using var command = Command(Connection, Transaction, sql, args);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>The documents (column <c>doc</c> read as the first column) a query returns, inside this transaction.</summary>
    public Task<List<T>> DocumentsAsync<T>(string sql, params object?[] args) => QueryAsync(sql, r => PgDocuments.FromJson<T>(r.GetString(0)), args);

    /// <summary>A command with positional parameters; a null argument is sent as SQL NULL.</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
#pragma warning disable CA2100 // The SQL is the stores' own constant text; values always go as parameters.
        var command = new NpgsqlCommand(sql, connection, transaction);
#pragma warning restore CA2100
        foreach (var arg in args)
        {
            command.Parameters.Add(arg is NpgsqlParameter p ? p : new NpgsqlParameter { Value = arg ?? DBNull.Value });
        }

        return command;
    }
}
