using ChatApp.BuildingBlocks.Time;

namespace ChatApp.Modules.Accounts.Features.SessionLookup;

/// <summary>Answers <see cref="ISessionStatus"/> from the sessions table, a few hundred ids per query, never from a cache.</summary>
internal sealed class SessionStatus(AccountsDbContext db, TimeProvider timeProvider) : ISessionStatus
{
    private const int IdsPerQuery = 500;

    public async Task<IReadOnlySet<Guid>> GetEndedAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var ended = sessionIds.ToHashSet();
        foreach (var chunk in ended.ToList().Chunk(IdsPerQuery))
        {
            var active = await db.Sessions.AsNoTracking()
                .Where(s => chunk.Contains(s.Id) && s.RevokedAt == null && s.ExpiresAt > now)
                .Select(s => s.Id)
                .ToListAsync(cancellationToken);
            ended.ExceptWith(active);
        }

        return ended;
    }
}
