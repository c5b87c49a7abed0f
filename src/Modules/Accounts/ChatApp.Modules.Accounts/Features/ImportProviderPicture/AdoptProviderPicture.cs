using ChatApp.Modules.Accounts.Profiles;

namespace ChatApp.Modules.Accounts.Features.ImportProviderPicture;

/// <summary>Makes an imported provider picture the user's avatar, unless the user has chosen one (or was deleted) meanwhile.</summary>
internal sealed record AdoptProviderPictureCommand(Guid UserId, Guid MediaId) : ICommand<AvatarAdoption>;

/// <summary>
/// Decides on the user row this transaction saves (<see cref="AvatarChanges.AdoptIfNoneAsync"/>): a choice the user
/// committed before wins, and one committed meanwhile makes the unit of work run this again, where it wins too.
/// </summary>
internal sealed class AdoptProviderPictureHandler(AvatarChanges changes) : ICommandHandler<AdoptProviderPictureCommand, AvatarAdoption>
{
    public async ValueTask<AvatarAdoption> Handle(AdoptProviderPictureCommand command, CancellationToken cancellationToken) =>
        await changes.AdoptIfNoneAsync(command.UserId, command.MediaId, cancellationToken);
}
