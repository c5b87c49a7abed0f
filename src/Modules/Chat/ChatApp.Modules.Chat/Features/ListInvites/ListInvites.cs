using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Chat.Invites;
using ChatApp.Modules.Chat.Rooms;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Features.ListInvites;

/// <summary>A group room's invite links (<paramref name="RoomId"/>), or, with none, my personal links.</summary>
internal sealed record ListInvitesQuery(Guid UserId, Guid? RoomId) : IQuery<Result<IReadOnlyList<InviteResponse>>>;

/// <summary>Newest first, revoked ones included (with their status), at most <see cref="MaxListed"/>.</summary>
internal sealed class ListInvitesHandler(ChatDbContext db, IOptions<ChatOptions> options, TimeProvider timeProvider)
    : IQueryHandler<ListInvitesQuery, Result<IReadOnlyList<InviteResponse>>>
{
    public const int MaxListed = 200;

    public async ValueTask<Result<IReadOnlyList<InviteResponse>>> Handle(ListInvitesQuery query, CancellationToken cancellationToken)
    {
        if (query.RoomId is { } roomId)
        {
            var room = await GroupRooms.FindManagedAsync(db, query.UserId, roomId, cancellationToken);
            if (!room.IsSuccess)
            {
                return room.Error;
            }
        }

        var invites = await db.Invites.AsNoTracking()
            .Where(i => query.RoomId == null ? i.RoomId == null && i.CreatedBy == query.UserId : i.RoomId == query.RoomId)
            .OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id)
            .Take(MaxListed)
            .ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNowForStorage();
        return invites.Select(i => InviteResponse.From(i, InviteRules.LinkOf(options, i.Code), now)).ToList();
    }
}
