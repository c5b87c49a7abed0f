using ChatApp.BuildingBlocks.Time;
namespace ChatApp.Modules.Accounts.Features.ListSessions;

internal sealed record ListSessionsQuery(Guid UserId, Guid? CurrentSessionId) : IQuery<IReadOnlyList<SessionResponse>>;

internal sealed record SessionResponse(Guid Id, string DeviceName, DateTime CreatedAt, DateTime LastUsedAt, DateTime ExpiresAt, bool IsCurrent);

/// <summary>My signed-in devices (active sessions), most recently used first.</summary>
internal sealed class ListSessionsHandler(AccountsDbContext db, TimeProvider timeProvider)
    : IQueryHandler<ListSessionsQuery, IReadOnlyList<SessionResponse>>
{
    public async ValueTask<IReadOnlyList<SessionResponse>> Handle(ListSessionsQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == query.UserId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastUsedAt)
            .Select(s => new SessionResponse(s.Id, s.DeviceName, s.CreatedAt, s.LastUsedAt, s.ExpiresAt, s.Id == query.CurrentSessionId))
            .ToListAsync(cancellationToken);
        return sessions;
    }
}
