using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Media.Features.UploadImage;

/// <summary>
/// Media's answer to <see cref="IAvatarImport"/>, the upload slice's second way in: the same command as an upload with purpose avatar and no crop (the
/// centred square), so an imported picture passes the same size, pixel and format limits and the same processing gate.
/// </summary>
internal sealed class AvatarImport(ISender sender, MediaDbContext db, Usage.ImageDeletion deletion, IOptions<MediaOptions> options) : IAvatarImport
{
    public async Task<Result<Guid>> ImportAvatarAsync(Guid ownerId, byte[] content, CancellationToken cancellationToken)
    {
        if (content.LongLength > options.Value.MaxUploadBytes)
        {
            return MediaErrors.TooLarge(options.Value.MaxUploadBytes);
        }

        var stored = await sender.Send(new UploadImageCommand(ownerId, content, MediaPurpose.Avatar, Crop: null), cancellationToken);
        return stored.IsSuccess ? stored.Value.Id : stored.Error;
    }

    public async Task DiscardAsync(Guid ownerId, Guid mediaId, CancellationToken cancellationToken)
    {
        if (await db.Images.AnyAsync(i => i.Id == mediaId && i.OwnerId == ownerId && !db.Uses.Any(u => u.MediaId == mediaId), cancellationToken))
        {
            await deletion.DeleteAsync([mediaId], cancellationToken);
        }
    }
}
