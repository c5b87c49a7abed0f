using Microsoft.AspNetCore.SignalR;

namespace ChatApp.Client.Realtime;

/// <summary>
/// Retries a send with the same client message id (the server stores it once) when nothing was stored:
/// <c>chat.overloaded</c>, <c>chat.server_restarting</c>, or a connection lost before the answer came.
/// </summary>
internal static class SendRetry
{
    private static readonly HashSet<string> RetryableCodes = new(StringComparer.Ordinal) { "chat.overloaded", "chat.server_restarting" };

    /// <param name="invoke">One attempt with the client message id.</param>
    /// <param name="beforeRetry">Waits before the next attempt (the delay, then a live connection).</param>
    public static async Task<T> RunAsync<T>(
        string clientMessageId,
        Func<string, CancellationToken, Task<T>> invoke,
        Func<TimeSpan, CancellationToken, Task> beforeRetry,
        int maxAttempts,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await invoke(clientMessageId, cancellationToken);
            }
            catch (HubException refused)
            {
                var error = HubErrors.Parse(refused.Message, refused);
                if (attempt >= maxAttempts || !RetryableCodes.Contains(error.Code))
                {
                    throw error;
                }
                await beforeRetry(error.RetryAfter is { } hint ? hint + Jitter() : Backoff(attempt), cancellationToken);
            }
            catch (Exception lost) when (!cancellationToken.IsCancellationRequested && attempt < maxAttempts && IsLostConnection(lost))
            {
                await beforeRetry(Backoff(attempt), cancellationToken);
            }
        }
    }

    /// <summary>The call got no answer: the connection closed, was not active, or the transport failed.</summary>
    private static bool IsLostConnection(Exception exception) =>
        exception is InvalidOperationException or OperationCanceledException or IOException or System.Net.WebSockets.WebSocketException;

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(5000, 200 * (1 << Math.Min(attempt - 1, 5)))) + Jitter();

    private static TimeSpan Jitter() => TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));
}
