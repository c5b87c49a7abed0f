using ChatApp.Modules.Media.Storage;
using Microsoft.Net.Http.Headers;

namespace ChatApp.Modules.Media.Features.ServeFile;

/// <summary>
/// Serves objects kept on local disk: public ones (avatars) by key, cacheable forever since keys never change; private
/// ones (chat pictures) only through a signed, expiring token. With S3 storage these routes answer 404: the bucket and
/// the CDN serve the files.
/// </summary>
internal sealed class ServeFileEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet(MediaRoutes.Files + "/signed/{token}", ServeSigned)
            .WithName("GetSignedMediaFile")
            .WithTags("Media")
            .WithSummary("A chat picture's bytes through its signed, expiring link")
            .AllowAnonymous()
            .ProducesErrors(StatusCodes.Status404NotFound, MediaErrors.FileNotFound.Code);
        app.MapGet(MediaRoutes.Files + "/public/{**path}", ServePublic)
            .WithName("GetPublicMediaFile")
            .WithTags("Media")
            .WithSummary("A public image's bytes (avatars)")
            .AllowAnonymous()
            .ProducesErrors(StatusCodes.Status404NotFound, MediaErrors.FileNotFound.Code);
    }

    private static IResult ServeSigned(string token, IObjectStorage storage, TimeProvider timeProvider, HttpContext context)
    {
        if (storage is not LocalDiskObjectStorage local || local.KeyFromToken(token) is not { } key || !ObjectKeys.IsWellFormed(key))
        {
            return MediaErrors.FileNotFound.ToProblem();
        }

        // The link itself expires; caches may keep the bytes privately as long as it is valid.
        context.Response.Headers.CacheControl = "private, max-age=300";
        return Serve(local, key);
    }

    private static IResult ServePublic(string path, IObjectStorage storage, HttpContext context)
    {
        var key = ObjectKeys.PublicPrefix + path;
        if (storage is not LocalDiskObjectStorage local || !ObjectKeys.IsWellFormed(key))
        {
            return MediaErrors.FileNotFound.ToProblem();
        }

        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Serve(local, key);
    }

    private static IResult Serve(LocalDiskObjectStorage storage, string key)
    {
        var path = storage.PathOf(key);
        if (!File.Exists(path))
        {
            return MediaErrors.FileNotFound.ToProblem();
        }

        return TypedResults.PhysicalFile(path, "image/jpeg", enableRangeProcessing: false,
            entityTag: new EntityTagHeaderValue("\"" + Path.GetFileName(Path.GetDirectoryName(path)) + "\""));
    }
}
