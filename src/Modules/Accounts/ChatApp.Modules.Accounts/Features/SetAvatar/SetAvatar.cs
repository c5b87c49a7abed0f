using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Accounts.Profiles;
using ChatApp.Modules.Media.Contracts;

namespace ChatApp.Modules.Accounts.Features.SetAvatar;

internal sealed record SetAvatarRequest(Guid MediaId);

/// <summary>Sets (or with a null media id removes) my avatar.</summary>
internal sealed record SetAvatarCommand(Guid UserId, Guid? MediaId) : ICommand<Result<AvatarResponse?>>;

internal sealed class SetAvatarValidator : AbstractValidator<SetAvatarCommand>
{
    public SetAvatarValidator() => RuleFor(c => c.MediaId).NotEqual(Guid.Empty).OverridePropertyName("mediaId");
}

/// <summary>
/// Checks through Media's Contracts that the image is mine and an avatar, stores the choice and publishes
/// <see cref="UserAvatarChangedIntegrationEvent"/>: Media then keeps the new image and deletes the previous one.
/// </summary>
internal sealed class SetAvatarHandler(AccountsDbContext db, IMediaCatalog media, AvatarView avatars, IIdGenerator ids, TimeProvider timeProvider)
    : ICommandHandler<SetAvatarCommand, Result<AvatarResponse?>>
{
    public async ValueTask<Result<AvatarResponse?>> Handle(SetAvatarCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken);
        if (user is null)
        {
            return AccountErrors.UserNotFound;
        }

        if (command.MediaId is { } mediaId)
        {
            var found = await media.GetImagesAsync([mediaId], cancellationToken);
            if (!found.TryGetValue(mediaId, out var image) || image.OwnerId != command.UserId || image.Purpose != MediaPurpose.Avatar)
            {
                return AccountErrors.AvatarNotFound;
            }
        }

        if (user.AvatarMediaId != command.MediaId)
        {
            var previous = user.AvatarMediaId;
            user.AvatarMediaId = command.MediaId;
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            db.AddIntegrationEvent(new UserAvatarChangedIntegrationEvent(
                ids.NewId(), timeProvider.GetUtcNowForStorage(), user.Id, command.MediaId, previous));
        }

        return await avatars.ForAsync(command.MediaId, cancellationToken);
    }
}
