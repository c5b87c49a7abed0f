using System.Collections.Concurrent;
using ChatApp.BuildingBlocks.Results;
using Microsoft.Extensions.Logging;

namespace ChatApp.BuildingBlocks.Behaviors;

/// <summary>
/// Counts the requests refused because the server or the user is over a limit (429/503: <c>TooManyRequests</c>,
/// <c>Unavailable</c>) and logs one summary line per request and code at most every <see cref="Period"/>, instead of a
/// line per refusal: an overloaded server refuses thousands of calls a second, and a line each would flood the log
/// (and cost the CPU the server is short of). A client over its own limit (<c>chat.rate_limited</c>,
/// <c>accounts.locked_out</c>) is the limit working, summarised at Information; the server's own state
/// (<see cref="Error.ServerCondition"/>: <c>chat.overloaded</c>, <c>chat.server_restarting</c>) at Warning.
/// </summary>
public sealed partial class RefusalSummary(ILogger<RefusalSummary> logger, TimeProvider timeProvider) : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<(string Request, string Code, LogLevel Level), long> _counts = new();
    private readonly Lock _timerLock = new();
    private ITimer? _timer;

    public static LogLevel LevelOf(Error error) =>
        error.ServerCondition || error.Type == ErrorType.Unavailable ? LogLevel.Warning : LogLevel.Information;

    public void Count(string request, Error error)
    {
        _counts.AddOrUpdate((request, error.Code, LevelOf(error)), 1, static (_, n) => n + 1);
        if (_timer is null)
        {
            lock (_timerLock)
            {
                _timer ??= timeProvider.CreateTimer(static state => ((RefusalSummary)state!).Flush(), this, Period, Period);
            }
        }
    }

    /// <summary>Logs what was counted since the last summary.</summary>
    public void Flush()
    {
        foreach (var key in _counts.Keys)
        {
            if (_counts.TryRemove(key, out var count) && count > 0)
            {
                LogRefused(logger, key.Level, count, key.Request, key.Code, Period.TotalSeconds);
            }
        }
    }

    public void Dispose()
    {
        lock (_timerLock)
        {
            _timer?.Dispose();
        }

        Flush();
    }

    [LoggerMessage(Message = "{Count} {Request} refused with {ErrorCode} in the last {PeriodSeconds} s")]
    private static partial void LogRefused(ILogger logger, LogLevel level, long count, string request, string errorCode, double periodSeconds);
}
