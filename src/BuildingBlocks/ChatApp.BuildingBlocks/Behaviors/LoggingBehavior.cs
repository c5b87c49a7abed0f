using System.Diagnostics;
using ChatApp.BuildingBlocks.Results;
using Mediator;
using Microsoft.Extensions.Logging;

namespace ChatApp.BuildingBlocks.Behaviors;

/// <summary>
/// First in the pipeline: logs every request with its duration and outcome. Refusals for being over a limit (429, 503)
/// are counted and summarised instead (<see cref="RefusalSummary"/>).
/// </summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger, RefusalSummary refusals)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response is Result { IsSuccess: false, Error.Type: ErrorType.TooManyRequests or ErrorType.Unavailable } refused)
            {
                refusals.Count(name, refused.Error);
            }
            else if (response is Result { IsSuccess: false } failed)
            {
                logger.LogInformation("{Request} failed with {ErrorCode} in {ElapsedMs:F1} ms", name, failed.Error.Code, elapsed);
            }
            else
            {
                logger.LogDebug("{Request} handled in {ElapsedMs:F1} ms", name, elapsed);
            }

            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "{Request} threw after {ElapsedMs:F1} ms", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}
