using Microsoft.Extensions.Logging;

namespace ChatApp.IntegrationTests.Infrastructure;

/// <summary>
/// A logger provider for a test host (register it in <c>ConfigureTestServices</c>): keeps every line the host's
/// filters (appsettings.json's <c>Logging:LogLevel</c>) let through, with its category, level and exception.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly Lock _lock = new();
    private readonly List<LogLine> _lines = [];

    public IReadOnlyList<LogLine> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>A position in the log: <see cref="Since"/> returns what was logged after it.</summary>
    public int Mark()
    {
        lock (_lock)
        {
            return _lines.Count;
        }
    }

    /// <summary>The lines at <paramref name="level"/> or above logged after <paramref name="mark"/>.</summary>
    public IReadOnlyList<LogLine> Since(int mark, LogLevel level) => Lines.Skip(mark).Where(l => l.Level >= level).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public sealed record LogLine(string Category, LogLevel Level, string Message, Exception? Exception)
    {
        public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : " (" + Exception.GetType().Name + ": " + Exception.Message + ")")}";
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new LogLine(category, logLevel, formatter(state, exception), exception);
            lock (logs._lock)
            {
                logs._lines.Add(line);
            }
        }
    }
}
