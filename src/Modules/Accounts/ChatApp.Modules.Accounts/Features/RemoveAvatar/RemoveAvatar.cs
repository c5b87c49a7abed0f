using ChatApp.Modules.Accounts.Profiles;

namespace ChatApp.Modules.Accounts.Features.RemoveAvatar;

/// <summary>Removes my avatar (removing none changes nothing).</summary>
internal sealed record RemoveAvatarCommand(Guid UserId) : ICommand<Result>;

internal sealed class RemoveAvatarHandler(AvatarChanges changes) : ICommandHandler<RemoveAvatarCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveAvatarCommand command, CancellationToken cancellationToken) =>
        await changes.SetAsync(command.UserId, mediaId: null, cancellationToken);
}
