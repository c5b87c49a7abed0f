namespace ChatApp.Modules.Accounts.Features.GetUserProfile;

internal sealed record GetUserProfileQuery(Guid UserId) : IQuery<Result<PublicProfileResponse>>;

/// <summary>What anyone signed in may see of a user.</summary>
internal sealed record PublicProfileResponse(Guid Id, string DisplayName, string? Bio);

internal sealed class GetUserProfileHandler(AccountsDbContext db) : IQueryHandler<GetUserProfileQuery, Result<PublicProfileResponse>>
{
    public async ValueTask<Result<PublicProfileResponse>> Handle(GetUserProfileQuery query, CancellationToken cancellationToken)
    {
        var profile = await db.Users.AsNoTracking()
            .Where(u => u.Id == query.UserId)
            .Select(u => new PublicProfileResponse(u.Id, u.DisplayName, u.Bio))
            .SingleOrDefaultAsync(cancellationToken);
        return profile is null ? AccountErrors.UserNotFound : profile;
    }
}
