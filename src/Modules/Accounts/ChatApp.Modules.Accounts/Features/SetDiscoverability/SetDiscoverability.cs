using ChatApp.Modules.Accounts.Profiles;

namespace ChatApp.Modules.Accounts.Features.SetDiscoverability;

/// <summary><c>Discoverable</c> false: people search finds me only by my exact handle.</summary>
internal sealed record SetDiscoverabilityRequest(bool Discoverable);

internal sealed record SetDiscoverabilityCommand(Guid UserId, bool Discoverable) : ICommand<Result<MyProfileResponse>>;

internal sealed class SetDiscoverabilityHandler(AccountsDbContext db, AvatarView avatars) : ICommandHandler<SetDiscoverabilityCommand, Result<MyProfileResponse>>
{
    public async ValueTask<Result<MyProfileResponse>> Handle(SetDiscoverabilityCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken);
        if (user is null)
        {
            return AccountErrors.UserNotFound;
        }

        user.Discoverable = command.Discoverable;
        return await MyProfileResponse.ForAsync(user, avatars, cancellationToken);
    }
}
