using ChatApp.Modules.Chat.Rooms;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Features.Sync;

/// <summary>
/// The catch-up cursor is a map of room id to the last sequence number the device holds for that room (an absent room
/// means "nothing yet"). The answer brings every room of mine up to date and returns the next cursor.
/// </summary>
internal sealed record SyncRequest(IReadOnlyDictionary<Guid, long>? Rooms);

internal sealed record SyncQuery(Guid UserId, IReadOnlyDictionary<Guid, long> Known) : IQuery<Result<SyncResponse>>;

/// <summary>
/// One durable change of a room: who (<c>userId</c>), which message (<c>message</c>, in its current state), for a
/// reaction which <c>emoji</c>, for a member added or removed by someone else who did it (<c>byUserId</c>), for a role
/// change the new <c>role</c>.
/// </summary>
internal sealed record RoomEventResponse(
    long Seq,
    [property: WireValues(
        RoomEventKinds.MemberJoined, RoomEventKinds.MemberLeft, RoomEventKinds.MessageCreated, RoomEventKinds.MessageEdited, RoomEventKinds.MessageDeleted, RoomEventKinds.ReactionAdded,
        RoomEventKinds.ReactionRemoved, RoomEventKinds.MemberRoleChanged, RoomEventKinds.RoomRenamed, RoomEventKinds.RoomTopicChanged, RoomEventKinds.RoomPictureChanged)]
    string Kind, DateTime OccurredAt, Guid? UserId, MessageResponse? Message, string? Emoji, Guid? ByUserId, string? Role);

/// <summary>
/// What changed in one room after the cursor. <c>truncated</c>: more than the sync limit was missed, <c>events</c> is
/// empty and the app should reload the room's recent history instead.
/// </summary>
internal sealed record RoomChangesResponse(Guid RoomId, long FromSeq, long LastSeq, bool Truncated, IReadOnlyList<RoomEventResponse> Events);

internal sealed record ReadPositionResponse(Guid RoomId, long ReadSeq, int UnreadCount);

internal sealed record SyncResponse(
    IReadOnlyList<RoomChangesResponse> Rooms,
    IReadOnlyList<ReadPositionResponse> ReadPositions,
    IReadOnlyList<Guid> RemovedRoomIds,
    IReadOnlyDictionary<Guid, long> Cursor);

internal sealed class SyncValidator : AbstractValidator<SyncQuery>
{
    public const int MaxRooms = 5000;

    public SyncValidator()
    {
        RuleFor(q => q.Known.Count).LessThanOrEqualTo(MaxRooms).OverridePropertyName("rooms");
        RuleFor(q => q.Known).Must(known => known.Values.All(seq => seq >= 0)).OverridePropertyName("rooms")
            .WithMessage("Sequence numbers are 0 or more.");
    }
}

internal sealed class SyncHandler(ChatDbContext db, RoomReader reader, ChatApp.Modules.Media.Contracts.IMediaCatalog media, IOptions<ChatOptions> options) : IQueryHandler<SyncQuery, Result<SyncResponse>>
{
    public async ValueTask<Result<SyncResponse>> Handle(SyncQuery query, CancellationToken cancellationToken)
    {
        var rooms = await reader.ListAsync(query.UserId, cancellationToken);
        var limit = options.Value.SyncMaxEventsPerRoom;
        var changes = new List<RoomChangesResponse>();
        foreach (var room in rooms)
        {
            var known = query.Known.GetValueOrDefault(room.Id);
            if (room.LastSeq <= known)
            {
                continue;
            }

            if (room.LastSeq - known > limit)
            {
                changes.Add(new RoomChangesResponse(room.Id, known, room.LastSeq, Truncated: true, []));
                continue;
            }

            changes.Add(new RoomChangesResponse(room.Id, known, room.LastSeq, Truncated: false, await EventsAfterAsync(room.Id, known, cancellationToken)));
        }

        var mine = rooms.Select(r => r.Id).ToHashSet();
        return new SyncResponse(
            changes,
            rooms.Select(r => new ReadPositionResponse(r.Id, r.ReadSeq, r.UnreadCount)).ToList(),
            query.Known.Keys.Where(id => !mine.Contains(id)).ToList(),
            rooms.ToDictionary(r => r.Id, r => r.LastSeq));
    }

    private async Task<IReadOnlyList<RoomEventResponse>> EventsAfterAsync(Guid roomId, long after, CancellationToken cancellationToken)
    {
        var events = await (
                from e in db.RoomEvents.AsNoTracking()
                where e.RoomId == roomId && e.Seq > after
                join m in db.Messages.AsNoTracking() on e.MessageId equals m.Id into messages
                from message in messages.DefaultIfEmpty()
                orderby e.Seq
                select new { e.Seq, e.Kind, e.OccurredAt, e.UserId, e.Detail, Message = message })
            .ToListAsync(cancellationToken);
        var attached = await MessageAttachments.LoadAsync(media, events.Select(e => e.Message), cancellationToken);
        return events
            .Select(e => new RoomEventResponse(
                e.Seq, e.Kind, e.OccurredAt, e.UserId, e.Message is null ? null : MessageResponse.From(e.Message, attached),
                RoomEventDetails.EmojiOf(e.Kind, e.Detail), RoomEventDetails.ByOf(e.Kind, e.Detail), RoomEventDetails.RoleOf(e.Kind, e.Detail)))
            .ToList();
    }
}
