using ChatApp.Modules.Accounts.Profiles;

namespace ChatApp.Modules.Accounts.Features.GetMyProfile;

internal sealed record GetMyProfileQuery(Guid UserId) : IQuery<Result<MyProfileResponse>>;

internal sealed class GetMyProfileHandler(AccountsDbContext db, AvatarView avatars) : IQueryHandler<GetMyProfileQuery, Result<MyProfileResponse>>
{
    public async ValueTask<Result<MyProfileResponse>> Handle(GetMyProfileQuery query, CancellationToken cancellationToken)
    {
        var profile = await db.Users.AsNoTracking()
            .Where(u => u.Id == query.UserId)
            .Select(u => new { u.Id, u.Email, u.EmailConfirmed, u.DisplayName, u.Bio, u.CreatedAt, u.AvatarMediaId, u.Handle, u.Discoverable })
            .SingleOrDefaultAsync(cancellationToken);
        return profile is null
            ? AccountErrors.UserNotFound
            : new MyProfileResponse(profile.Id, profile.Email, profile.EmailConfirmed, profile.DisplayName, profile.Bio, profile.CreatedAt,
                await avatars.ForAsync(profile.AvatarMediaId, cancellationToken), profile.Handle, profile.Discoverable);
    }
}
