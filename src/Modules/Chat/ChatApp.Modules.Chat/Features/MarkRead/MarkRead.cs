using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.MarkRead;

internal sealed record MarkReadRequest(long Seq);

/// <summary>One conditional update, so concurrent reads on several devices can only move the position forward.</summary>
internal sealed record MarkReadCommand(Guid UserId, Guid RoomId, long Seq) : ICommand<Result<ReadStateResponse>>;

internal sealed record ReadStateResponse(Guid RoomId, long ReadSeq, int UnreadCount);

internal sealed class MarkReadValidator : AbstractValidator<MarkReadCommand>
{
    public MarkReadValidator() => RuleFor(c => c.Seq).GreaterThanOrEqualTo(0);
}

/// <summary>
/// Moves my read position forward to <c>seq</c> (never back) and returns it with my unread count; a move publishes
/// <see cref="RoomReadIntegrationEvent"/> in the same transaction.
/// </summary>
internal sealed class MarkReadHandler(ChatDbContext db, Realtime.ChatNotifier notifier, AfterCommit afterCommit, IIdGenerator ids, TimeProvider timeProvider) : ICommandHandler<MarkReadCommand, Result<ReadStateResponse>>
{
    public async ValueTask<Result<ReadStateResponse>> Handle(MarkReadCommand command, CancellationToken cancellationToken)
    {
        var lastSeq = await db.Rooms.AsNoTracking()
            .Where(r => r.Id == command.RoomId && r.Members.Any(m => m.UserId == command.UserId))
            .Select(r => (long?)r.LastSeq)
            .SingleOrDefaultAsync(cancellationToken);
        if (lastSeq is null)
        {
            return ChatErrors.RoomNotFound;
        }

        if (command.Seq > lastSeq)
        {
            return Error.Validation("seq", $"The room's last sequence number is {lastSeq}.");
        }

        var advanced = await db.RoomMembers
            .Where(m => m.RoomId == command.RoomId && m.UserId == command.UserId && m.ReadSeq < command.Seq)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadSeq, command.Seq), cancellationToken);
        var readSeq = await db.RoomMembers.AsNoTracking()
            .Where(m => m.RoomId == command.RoomId && m.UserId == command.UserId)
            .Select(m => m.ReadSeq)
            .SingleAsync(cancellationToken);
        var unread = await UnreadMessages.Of(db, db.RoomMembers.Where(m => m.RoomId == command.RoomId && m.UserId == command.UserId))
            .CountAsync(cancellationToken);
        if (advanced > 0)
        {
            // For push notifications: what was announced up to here can be cleared from my other devices.
            db.AddIntegrationEvent(new RoomReadIntegrationEvent(ids.NewId(), timeProvider.GetUtcNowForStorage(), command.UserId, command.RoomId, readSeq));

            // What has been read needs no push notification any more.
            await db.PendingNotifications
                .Where(n => n.UserId == command.UserId && n.RoomId == command.RoomId && n.Seq <= readSeq)
                .ExecuteDeleteAsync(cancellationToken);

            // Read receipts for the room, and the same position for my other devices.
            var moved = new Realtime.ReadPositionChangedEvent(command.RoomId, command.UserId, readSeq);
            afterCommit.Run(ct => notifier.ReadPositionChangedAsync(moved, ct));
        }

        return new ReadStateResponse(command.RoomId, readSeq, unread);
    }
}
