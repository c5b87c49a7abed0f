using ChatApp.Modules.Media.Images;
using ChatApp.Modules.Media.Storage;

namespace ChatApp.Modules.Media.Features.GetImage;

internal sealed record GetImageQuery(Guid UserId, Guid MediaId) : IQuery<Result<MediaImageResponse>>;

/// <summary>
/// An image's details and fresh URLs, for its owner only: others learn nothing, not even that it exists. Members of a
/// room get chat pictures' URLs in the room's messages instead (Chat checks membership).
/// </summary>
internal sealed class GetImageHandler(MediaDbContext db, MediaUrls urls) : IQueryHandler<GetImageQuery, Result<MediaImageResponse>>
{
    public async ValueTask<Result<MediaImageResponse>> Handle(GetImageQuery query, CancellationToken cancellationToken)
    {
        var image = await db.Images.AsNoTracking()
            .Include(i => i.Variants)
            .SingleOrDefaultAsync(i => i.Id == query.MediaId && i.OwnerId == query.UserId && i.ReleasedAt == null, cancellationToken);
        return image is null ? MediaErrors.ImageNotFound : MediaImageResponse.From(urls.Describe(image), image.CreatedAt);
    }
}
