using System.Text;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.LiteDb;
using PdBot.Adapters.PostgreSql;
using PdBot.Bot.Cli;
using PdBot.Core.Audit;

namespace PdBot.Tests.Stores.Copy;

/// <summary>Stores of the copy tests: a LiteDB file with widgets and audit entries, and an empty PostgreSQL database.</summary>
internal static class CopyStores
{
    public static readonly DateTime Time = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Writes <paramref name="widgets"/> widgets, each with an audit entry, into a stopped LiteDB store at <paramref name="path"/>.</summary>
    public static async Task FillLiteAsync(string path, int widgets, string? password = null)
    {
        using var storage = new LiteDbStorage(new StorageOptions { Path = path, Password = password });
        var audit = new LiteAuditLog(storage);
        for (var i = 1; i <= widgets; i++)
        {
            var id = "w" + i;
            await storage.Writer.WriteAsync(db => db.GetCollection(WidgetCopyTarget.Widgets).Insert(new BsonDocument { ["_id"] = id, ["Name"] = "виджет " + i }));
            await audit.AppendAsync([new AuditEntry { TimeUtc = Time.AddMinutes(i), Kind = "test", Event = "widget", Channel = "test", PersonId = "p" + i, UserId = "u" + i, Actor = "test" }]);
        }
    }

    /// <summary>Adds documents to a collection no copy target covers.</summary>
    public static async Task AddStrayAsync(string path, string collection)
    {
        using var storage = new LiteDbStorage(new StorageOptions { Path = path });
        await storage.Writer.WriteAsync(db => db.GetCollection(collection).Insert(new BsonDocument { ["_id"] = "s1" }));
    }

    /// <summary>A fresh PostgreSQL database with the schema and the widgets table.</summary>
    public static async Task<string> MigratedAsync()
    {
        var connection = PostgreSql.PgServer.CreateDatabase();
        using var storage = new PgStorage(connection);
        await new PgMigrator(storage).MigrateAsync();
        storage.Execute(WidgetCopyTarget.CreateTable);
        return connection;
    }

    /// <summary>Runs <c>pdbot db copy --to postgres</c> on <paramref name="db"/>, capturing what it prints.</summary>
    public static async Task<(int Code, string Out, string Error)> RunCopyAsync(
        string db, string connection, IReadOnlyList<string> config, Action<IServiceCollection>? services = null)
    {
        var output = new StringWriter(new StringBuilder());
        var error = new StringWriter(new StringBuilder());
        var code = await DbCopyVerb.RunAsync(new CliConsole(new StringReader(""), output, error), "postgres", db, connection, config, services);
        return (code, output.ToString(), error.ToString());
    }
}
