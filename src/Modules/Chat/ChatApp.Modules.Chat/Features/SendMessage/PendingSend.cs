using System.Diagnostics;

namespace ChatApp.Modules.Chat.Features.SendMessage;

/// <summary>A send waiting in the writer's queue; its caller waits on <see cref="Completion"/>.</summary>
internal sealed class PendingSend(SendMessageCommand command)
{
    public SendMessageCommand Command { get; } = command;

    /// <summary>(sender, client message id): what identifies a send, so that a retry stores nothing new.</summary>
    public (Guid, string) Key { get; } = (command.UserId, command.ClientMessageId);

    /// <summary>When the send was queued (<see cref="Stopwatch.GetTimestamp"/>), for the queue-wait metric.</summary>
    public long QueuedAt { get; } = Stopwatch.GetTimestamp();

    /// <summary>The caller's activity (the hub invocation or HTTP request) when traced: the batch links it (<see cref="SendPathTracing"/>).</summary>
    public Activity? Caller { get; } = Activity.Current;

    public TaskCompletionSource<Result<SendMessageResult>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Later copies of this send in the same batch.</summary>
    public List<PendingSend> Followers { get; } = [];

    public void Complete(Result<SendMessageResult> result)
    {
        Completion.TrySetResult(result);
        foreach (var follower in Followers)
        {
            follower.Completion.TrySetResult(!result.IsSuccess ? result
                : result.Value.Message.RoomId == follower.Command.RoomId ? result.Value with { Created = false }
                : ChatErrors.ClientMessageIdReused);
        }
    }
}
