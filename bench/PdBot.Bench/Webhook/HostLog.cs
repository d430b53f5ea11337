using System.Globalization;
using Microsoft.Extensions.Logging;

namespace PdBot.Bench.Webhook;

/// <summary>
/// Takes the host's log instead of the console: the stall scenario alone logs hundreds of stack traces, which would
/// bury the table and measure the terminal. It counts warnings and errors, and keeps where the first error came from.
/// </summary>
internal sealed class HostLog : ILoggerProvider
{
    private int _warnings;
    private int _errors;
    private string? _firstError;

    public ILogger CreateLogger(string categoryName) => new Category(this, categoryName);

    /// <summary>"12 warnings, 340 errors (first: Category: ExceptionType)", or null when the host logged none.</summary>
    public string? Summary() => _warnings + _errors == 0 ? null
        : string.Create(CultureInfo.InvariantCulture, $"{_warnings:N0} warnings, {_errors:N0} errors{(_firstError is null ? "" : $" (first: {_firstError})")}");

    public void Dispose()
    {
    }

    private void Count(LogLevel level, string category, Exception? exception)
    {
        if (level >= LogLevel.Error)
        {
            // Only the category and the exception's type: a message may carry what a person wrote.
            Interlocked.CompareExchange(ref _firstError, $"{category}: {exception?.GetType().Name ?? "no exception"}", null);
            Interlocked.Increment(ref _errors);
        }
        else if (level == LogLevel.Warning)
        {
            Interlocked.Increment(ref _warnings);
        }
    }

    private sealed class Category(HostLog log, string name) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Count(logLevel, name, exception);
    }
}
