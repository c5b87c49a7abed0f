using ChatApp.Modules.Chat.Realtime;

namespace ChatApp.Modules.Chat.Features.GetPresence;

internal sealed record GetPresenceQuery(Guid UserId, IReadOnlyList<Guid> UserIds) : IQuery<Result<IReadOnlyList<PresenceResponse>>>;

internal sealed record PresenceResponse(Guid UserId, bool Online, DateTime? LastSeenAt);

internal sealed class GetPresenceValidator : AbstractValidator<GetPresenceQuery>
{
    public GetPresenceValidator() => RuleFor(q => q.UserIds.Count).InclusiveBetween(1, 200).OverridePropertyName("userIds");
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
