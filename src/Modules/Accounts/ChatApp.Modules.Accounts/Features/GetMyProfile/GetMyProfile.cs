namespace ChatApp.Modules.Accounts.Features.GetMyProfile;

internal sealed record GetMyProfileQuery(Guid UserId) : IQuery<Result<MyProfileResponse>>;

/// <summary>My own profile, including what only I may see (e-mail).</summary>
internal sealed record MyProfileResponse(Guid Id, string Email, string DisplayName, string? Bio, DateTime CreatedAt);

internal sealed class GetMyProfileHandler(AccountsDbContext db) : IQueryHandler<GetMyProfileQuery, Result<MyProfileResponse>>
{
    public async ValueTask<Result<MyProfileResponse>> Handle(GetMyProfileQuery query, CancellationToken cancellationToken)
    {
        var profile = await db.Users.AsNoTracking()
            .Where(u => u.Id == query.UserId)
            .Select(u => new MyProfileResponse(u.Id, u.Email!, u.DisplayName, u.Bio, u.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        return profile is null ? AccountErrors.UserNotFound : profile;
    }
}
