using Polly;

namespace ChatApp.Modules.Notifications.Providers;

/// <summary>Which exceptions of a send mean "the service could not be reached in time" (try later) rather than a bug.</summary>
internal static class PushFailures
{
    public static bool IsTransport(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException => true,

        // Polly: attempt or total timeout, open circuit breaker, rate limiter full.
        ExecutionRejectedException => true,

        // HttpClient.Timeout, or a connection dropped mid-answer; not the caller's cancellation.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        IOException => true,
        _ => false,
    };
}
