using ChatApp.Modules.Accounts.Profiles;

namespace ChatApp.Modules.Accounts.Features.GetUserProfile;

internal sealed record GetUserProfileQuery(Guid UserId) : IQuery<Result<PublicProfileResponse>>;

/// <summary>What anyone signed in may see of a user (nothing, while the account is deactivated); <c>Handle</c> null until chosen.</summary>
internal sealed record PublicProfileResponse(Guid Id, string DisplayName, string? Bio, AvatarResponse? Avatar, string? Handle);

internal sealed class GetUserProfileHandler(AccountsDbContext db, AvatarView avatars) : IQueryHandler<GetUserProfileQuery, Result<PublicProfileResponse>>
{
    public async ValueTask<Result<PublicProfileResponse>> Handle(GetUserProfileQuery query, CancellationToken cancellationToken)
    {
        var profile = await db.Users.AsNoTracking()
            .Where(u => u.Id == query.UserId && u.DeactivatedAt == null)
            .Select(u => new { u.Id, u.DisplayName, u.Bio, u.AvatarMediaId, u.Handle })
            .SingleOrDefaultAsync(cancellationToken);
        return profile is null
            ? AccountErrors.UserNotFound
            : new PublicProfileResponse(profile.Id, profile.DisplayName, profile.Bio, await avatars.ForAsync(profile.AvatarMediaId, cancellationToken), profile.Handle);
    }
}
