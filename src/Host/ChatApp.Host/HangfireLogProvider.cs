using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace ChatApp.Host;

/// <summary>
/// Hangfire's log provider is a process-wide static. With several hosts in one process (the integration tests), the
/// last host's logger factory is used by all, and once that host is disposed, job creation in the others fails where
/// Hangfire creates a logger (e.g. in <c>AutomaticRetryAttribute</c>). This provider gives a silent logger instead of
/// failing when its factory is gone; with one host (production) it behaves exactly like Hangfire's own.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
