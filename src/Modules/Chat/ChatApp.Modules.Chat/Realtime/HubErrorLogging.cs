using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// Logs what goes wrong in a hub call, and only that. SignalR's dispatcher logs every exception a hub method throws at
/// Error level with its stack trace, including the <see cref="HubException"/>s that carry expected refusals
/// (<c>chat.overloaded</c>, <c>chat.rate_limited</c>, ...) and the cancellations of calls whose connection went away:
/// under overload that is thousands of lines a second. Its category is therefore turned down in appsettings.json, and
/// this filter logs the unexpected failures instead (and answers them as <c>internal_error</c>, the code REST's 500
/// has); expected refusals are counted by the request pipeline.
/// </summary>
internal sealed partial class HubErrorLogging(ILogger<HubErrorLogging> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (Exception ex) when (ex is not HubException
            && !(ex is OperationCanceledException && invocationContext.Context.ConnectionAborted.IsCancellationRequested))
        {
            LogFailed(logger, ex, invocationContext.HubMethodName);
            // The client gets the documented form with a code (as REST's 500), and nothing internal.
            throw new HubException($"{InternalError}: An unexpected error occurred. It has been logged; retrying may help.");
        }
    }

    private const string InternalError = "internal_error";

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method);
}
