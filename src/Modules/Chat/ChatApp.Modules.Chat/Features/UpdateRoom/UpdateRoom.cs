using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.UpdateRoom;

/// <summary>What to change: <c>name</c> and/or <c>topic</c> (an empty topic removes it); absent fields stay.</summary>
internal sealed record UpdateRoomRequest(string? Name, string? Topic);

internal sealed record UpdateRoomCommand(Guid UserId, Guid RoomId, string? Name, string? Topic) : ICommand<Result<RoomResponse>>;

internal sealed class UpdateRoomValidator : AbstractValidator<UpdateRoomCommand>
{
    public UpdateRoomValidator()
    {
        RuleFor(c => c).Must(c => c.Name is not null || c.Topic is not null).OverridePropertyName("name").WithMessage("Give a new 'name' or 'topic'.");
        When(c => c.Name is not null, () => RuleFor(c => c.Name!).SafeName(Room.NameMaxLength));
        RuleFor(c => c.Topic!).SafeName(Room.TopicMaxLength, required: false);
    }
}

/// <summary>
/// The owner or an admin renames the room or sets its topic: a <c>room.renamed</c> / <c>room.topic_changed</c> event
/// each (only for what changes), told to the members once committed.
/// </summary>
internal sealed class UpdateRoomHandler(
    ChatDbContext db, RoomReader reader, ChatNotifier notifier, RoomCards cards, AfterCommit afterCommit, TimeProvider timeProvider)
    : ICommandHandler<UpdateRoomCommand, Result<RoomResponse>>
{
    public async ValueTask<Result<RoomResponse>> Handle(UpdateRoomCommand command, CancellationToken cancellationToken)
    {
        var found = await GroupRooms.LockManagedAsync(db, command.UserId, command.RoomId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var room = await db.Rooms.SingleAsync(r => r.Id == command.RoomId, cancellationToken);
        var now = timeProvider.GetUtcNowForStorage();
        var changes = new List<RoomChangedEvent>();
        if (command.Name is { } name && UserText.Normalize(name, UserTextKind.Name).Trim() is var newName && newName != room.Name)
        {
            room.Name = newName;
            changes.Add(await RoomChanges.RecordAsync(db, room.Id, RoomEventKinds.RoomRenamed, command.UserId, role: null, now, cancellationToken));
        }

        if (command.Topic is { } topic && UserText.Normalize(topic, UserTextKind.Name).Trim() is var trimmed && (trimmed.Length == 0 ? null : trimmed) is var newTopic && newTopic != room.Topic)
        {
            room.Topic = newTopic;
            changes.Add(await RoomChanges.RecordAsync(db, room.Id, RoomEventKinds.RoomTopicChanged, command.UserId, role: null, now, cancellationToken));
        }

        if (changes.Count > 0)
        {
            cards.ForgetAfterCommit(afterCommit, room.Id);
            afterCommit.Run(async ct =>
            {
                foreach (var change in changes)
                {
                    await notifier.RoomChangedAsync(change, ct);
                }
            });
            await db.SaveChangesAsync(cancellationToken); // the room as returned shows the change
        }

        return (await reader.GetAsync(command.UserId, command.RoomId, cancellationToken))!;
    }
}
