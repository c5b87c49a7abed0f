using System.Globalization;
using System.Security.Claims;
using ChatApp.Modules.Media.Images;
using ChatApp.Modules.Media.Processing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Media.Features.UploadImage;

internal sealed class UploadImageEndpoint : ICarterModule
{
    /// <summary>Room for the multipart framing and the small form fields around the file.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(MediaRoutes.Media + "/images", HandleAsync)
            .WithName("UploadImage")
            .WithTags("Media")
            .WithSummary("Upload an image (multipart: file, purpose avatar|chat, optional cropX/cropY/cropWidth/cropHeight)")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Upload)
            .DisableAntiforgery()
            .WithOwnBodyLimit() // Media:MaxUploadBytes, set and answered (media.too_large) by the handler
            .AddOpenApiOperationTransformer(UploadImageOpenApi.DescribeAsync)
            .Produces<MediaImageResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesErrors(
                StatusCodes.Status400BadRequest,
                "validation_failed",
                MediaErrors.EmptyFile.Code,
                MediaErrors.CorruptImage.Code,
                MediaErrors.TrailingData.Code,
                MediaErrors.TooManyPixels(0, 0).Code,
                MediaErrors.CropOutside(0, 0).Code)
            .ProducesErrors(StatusCodes.Status413PayloadTooLarge, MediaErrors.TooLarge(0).Code)
            .ProducesErrors(StatusCodes.Status415UnsupportedMediaType, MediaErrors.UnsupportedFormat.Code)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Created<MediaImageResponse>, ProblemHttpResult>> HandleAsync(
        HttpRequest request, ClaimsPrincipal user, ISender sender, IOptions<MediaOptions> options, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxUploadBytes;
        if (request.ContentLength > limit + FormOverheadBytes)
        {
            return MediaErrors.TooLarge(limit).ToProblem();
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + FormOverheadBytes;
        }

        if (!request.HasFormContentType)
        {
            return Invalid("file", "Send the image as multipart/form-data with a 'file' part.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return MediaErrors.TooLarge(limit).ToProblem();
        }

        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return Invalid("file", "The 'file' part is missing.");
        }

        if (file.Length > limit)
        {
            return MediaErrors.TooLarge(limit).ToProblem();
        }

        if (!Enum.TryParse<MediaPurpose>(form["purpose"], ignoreCase: true, out var purpose) || !Enum.IsDefined(purpose)
            || int.TryParse(form["purpose"], out _))
        {
            return Invalid("purpose", "Purpose must be 'avatar' or 'chat'.");
        }

        var cropFields = new[] { "cropX", "cropY", "cropWidth", "cropHeight" };
        CropRect? crop = null;
        if (cropFields.Any(f => form.ContainsKey(f)))
        {
            var values = new int[4];
            for (var i = 0; i < cropFields.Length; i++)
            {
                if (!int.TryParse(form[cropFields[i]], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]))
                {
                    return Invalid(cropFields[i], "Give all four of cropX, cropY, cropWidth and cropHeight as whole numbers of pixels, or none.");
                }
            }

            crop = new CropRect(values[0], values[1], values[2], values[3]);
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var result = await sender.Send(new UploadImageCommand(user.GetUserId(), content, purpose, crop), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"{MediaRoutes.Media}/images/{result.Value.Id}", result.Value)
            : result.Error.ToProblem();
    }

    private static ProblemHttpResult Invalid(string field, string message) => Error.Validation(field, message).ToProblem();
}
