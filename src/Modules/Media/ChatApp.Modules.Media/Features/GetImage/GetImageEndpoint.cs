using System.Security.Claims;
using ChatApp.Modules.Media.Images;

namespace ChatApp.Modules.Media.Features.GetImage;

internal sealed class GetImageEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(MediaRoutes.Media + "/images/{mediaId:guid}", HandleAsync)
            .WithName("GetImage")
            .WithTags("Media")
            .WithSummary("One of my uploaded images, with fresh URLs of its variants")
            .RequireAuthorization()
            .ProducesErrors(StatusCodes.Status404NotFound, MediaErrors.ImageNotFound.Code);

    private static async Task<Results<Ok<MediaImageResponse>, ProblemHttpResult>> HandleAsync(
        Guid mediaId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetImageQuery(user.GetUserId(), mediaId), cancellationToken)).ToOk();
}
