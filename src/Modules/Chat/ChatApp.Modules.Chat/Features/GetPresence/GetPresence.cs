using ChatApp.Modules.Chat.Realtime;

namespace ChatApp.Modules.Chat.Features.GetPresence;

internal sealed record GetPresenceQuery(Guid UserId, IReadOnlyList<Guid> UserIds) : IQuery<Result<IReadOnlyList<PresenceResponse>>>;

internal sealed record PresenceResponse(Guid UserId, bool Online, DateTime? LastSeenAt);

/// <summary>The body of POST /chat/presence.</summary>
internal sealed record PresenceRequest(IReadOnlyList<Guid>? UserIds);

internal sealed class GetPresenceValidator : AbstractValidator<GetPresenceQuery>
{
    /// <summary>Ids per call: GET takes them in the query string (keep it to about 200 there: URL limits), POST in the body.</summary>
    public const int MaxUserIds = 500;

    public GetPresenceValidator() => RuleFor(q => q.UserIds.Count).InclusiveBetween(1, MaxUserIds).OverridePropertyName("userIds");
}

/// <summary>Presence of the asked users who share a room with me; others are left out (presence is not public).</summary>
internal sealed class GetPresenceHandler(ChatDbContext db, IPresenceStore presence, TimeProvider timeProvider)
    : IQueryHandler<GetPresenceQuery, Result<IReadOnlyList<PresenceResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<PresenceResponse>>> Handle(GetPresenceQuery query, CancellationToken cancellationToken)
    {
        var asked = query.UserIds.Distinct().ToList();
        var myRooms = db.RoomMembers.Where(m => m.UserId == query.UserId).Select(m => m.RoomId);
        var visible = await db.RoomMembers.AsNoTracking()
            .Where(m => myRooms.Contains(m.RoomId) && asked.Contains(m.UserId) && m.UserId != query.UserId)
            .Select(m => m.UserId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var states = await presence.GetAsync(visible, timeProvider.GetUtcNow().UtcDateTime);
        return states.Select(s => new PresenceResponse(s.Key, s.Value.Online, s.Value.LastSeenAt)).OrderBy(p => p.UserId).ToList();
    }
}
