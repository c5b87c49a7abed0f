using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Notifications.Mutes;

namespace ChatApp.Modules.Notifications.Features.ListMutes;

internal sealed record ListMutesQuery(Guid UserId) : IQuery<IReadOnlyList<MuteResponse>>;

/// <summary>My rooms muted now (a mute whose end passed is not listed), most recently muted first.</summary>
internal sealed class ListMutesHandler(NotificationsDbContext db, TimeProvider timeProvider) : IQueryHandler<ListMutesQuery, IReadOnlyList<MuteResponse>>
{
    public async ValueTask<IReadOnlyList<MuteResponse>> Handle(ListMutesQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        return await db.RoomMutes.AsNoTracking()
            .Where(m => m.UserId == query.UserId && (m.Until == null || m.Until > now))
            .OrderByDescending(m => m.CreatedAt).ThenBy(m => m.RoomId)
            .Select(m => new MuteResponse(m.RoomId, m.Until, m.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}
