using System.CommandLine;
using PdBot.Bot.Hosting;

namespace PdBot.Bot.Cli;

/// <summary>The PostgreSQL connection string of the <c>db</c> verbs: <c>--connection</c>, else Storage:ConnectionString (environment Storage__ConnectionString).</summary>
public static class DbConnection
{
    public const string Missing = "не задана строка подключения: Storage__ConnectionString или --connection";

    public static Option<string?> Option() => new("--connection") { Description = "Строка подключения к PostgreSQL (по умолчанию Storage:ConnectionString, переменная окружения Storage__ConnectionString)" };

    /// <summary>The connection string, or null when neither the option nor the configuration gives one.</summary>
    public static string? Resolve(string? given, IReadOnlyList<string> configArgs)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        var configuration = new ConfigurationBuilder();
        PdBotConfiguration.AddSources(configuration, [.. configArgs]);
        var value = configuration.Build()["Storage:ConnectionString"];
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
