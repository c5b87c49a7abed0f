namespace ChatApp.Modules.Chat.Features.SendMessage;

/// <summary>What the writer's lane needs of the store (an interface so that the lane can be tested without a database).</summary>
internal interface IMessageStore
{
    /// <summary>Checks and stores a batch; completes every send it can answer; returns the messages created, in commit order.</summary>
    Task<List<StoredMessage>> StoreAsync(IReadOnlyList<PendingSend> batch, SendBatchTimings timings, CancellationToken cancellationToken);
}
