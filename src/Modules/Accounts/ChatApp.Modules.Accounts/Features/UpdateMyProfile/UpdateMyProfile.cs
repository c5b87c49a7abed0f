using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Profiles;

namespace ChatApp.Modules.Accounts.Features.UpdateMyProfile;

/// <summary>The body of PATCH /me: a field left out (or null) stays as it is; an empty bio clears it.</summary>
internal sealed record UpdateMyProfileRequest(string? DisplayName, string? Bio);

internal sealed record UpdateMyProfileCommand(Guid UserId, string? DisplayName, string? Bio) : ICommand<Result<MyProfileResponse>>;

internal sealed class UpdateMyProfileValidator : AbstractValidator<UpdateMyProfileCommand>
{
    public UpdateMyProfileValidator()
    {
        RuleFor(c => c.DisplayName!).ValidDisplayName().When(c => c.DisplayName is not null);
        RuleFor(c => c.Bio!).SafeText(User.BioMaxLength, required: false).When(c => c.Bio is not null);
    }
}

/// <summary>Changes display name and bio; when something changed, publishes <see cref="UserProfileUpdatedIntegrationEvent"/> with the new public profile.</summary>
internal sealed class UpdateMyProfileHandler(
    AccountsDbContext db, AvatarView avatars, ProfileCache profiles, AfterCommit afterCommit, IIdGenerator ids, TimeProvider timeProvider)
    : ICommandHandler<UpdateMyProfileCommand, Result<MyProfileResponse>>
{
    public async ValueTask<Result<MyProfileResponse>> Handle(UpdateMyProfileCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken);
        if (user is null)
        {
            return AccountErrors.UserNotFound;
        }

        var displayName = command.DisplayName is null ? user.DisplayName : UserText.Normalize(command.DisplayName, UserTextKind.Name).Trim();
        var bio = command.Bio is null ? user.Bio : (UserText.Normalize(command.Bio, UserTextKind.Text).Trim() is { Length: > 0 } trimmed ? trimmed : null);
        if (displayName != user.DisplayName || bio != user.Bio)
        {
            await People.PeopleSearchTerms.RenameAsync(db, user, displayName, cancellationToken);
            user.Bio = bio;
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            db.AddIntegrationEvent(new UserProfileUpdatedIntegrationEvent(
                ids.NewId(), timeProvider.GetUtcNowForStorage(), user.Id, displayName, bio));
            profiles.ForgetAfterCommit(afterCommit, user.Id);
        }

        return await MyProfileResponse.ForAsync(user, avatars, cancellationToken);
    }
}
