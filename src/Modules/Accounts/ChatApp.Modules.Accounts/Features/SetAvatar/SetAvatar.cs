using ChatApp.Modules.Accounts.Profiles;
using ChatApp.Modules.Media.Contracts;

namespace ChatApp.Modules.Accounts.Features.SetAvatar;

internal sealed record SetAvatarRequest(Guid MediaId);

/// <summary>Uses one of my uploaded avatar images as my avatar.</summary>
internal sealed record SetAvatarCommand(Guid UserId, Guid MediaId) : ICommand<Result<AvatarResponse?>>;

internal sealed class SetAvatarValidator : AbstractValidator<SetAvatarCommand>
{
    public SetAvatarValidator() => RuleFor(c => c.MediaId).NotEqual(Guid.Empty).OverridePropertyName("mediaId");
}

/// <summary>Checks through Media's Contracts that the image is mine and an avatar, then stores the choice.</summary>
internal sealed class SetAvatarHandler(IMediaCatalog media, AvatarChanges changes, AvatarView avatars) : ICommandHandler<SetAvatarCommand, Result<AvatarResponse?>>
{
    public async ValueTask<Result<AvatarResponse?>> Handle(SetAvatarCommand command, CancellationToken cancellationToken)
    {
        var found = await media.GetImagesAsync([command.MediaId], cancellationToken);
        if (!found.TryGetValue(command.MediaId, out var image) || image.OwnerId != command.UserId || image.Purpose != MediaPurpose.Avatar)
        {
            return AccountErrors.AvatarNotFound;
        }

        var changed = await changes.SetAsync(command.UserId, command.MediaId, cancellationToken);
        return changed.IsSuccess ? await avatars.ForAsync(command.MediaId, cancellationToken) : changed.Error;
    }
}
