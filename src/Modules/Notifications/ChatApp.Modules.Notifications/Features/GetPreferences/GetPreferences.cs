using ChatApp.Modules.Notifications.Preferences;

namespace ChatApp.Modules.Notifications.Features.GetPreferences;

internal sealed record GetPreferencesQuery(Guid UserId) : IQuery<PreferencesResponse>;

/// <summary>My push settings, or the defaults when I never set them.</summary>
internal sealed class GetPreferencesHandler(NotificationsDbContext db) : IQueryHandler<GetPreferencesQuery, PreferencesResponse>
{
    public async ValueTask<PreferencesResponse> Handle(GetPreferencesQuery query, CancellationToken cancellationToken) =>
        PreferencesResponse.From(await db.Preferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == query.UserId, cancellationToken));
}
