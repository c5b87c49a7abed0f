using System.Globalization;

namespace ChatApp.Modules.Media;

/// <summary>The Media module's expected failures (codes are part of the API contract, docs/api.md).</summary>
internal static class MediaErrors
{
    public static readonly Error EmptyFile = Error.Validation("media.empty_file", "The file is empty.", Field("file", "The file is empty."));

    public static readonly Error UnsupportedFormat = Error.UnsupportedMediaType(
        "media.unsupported_format", "The file is not a JPEG, PNG or WebP image (decided from its content, not its name or type).");

    public static readonly Error CorruptImage = Error.Validation(
        "media.corrupt_image", "The image is damaged or truncated.", Field("file", "The image is damaged or truncated."));

    public static readonly Error TrailingData = Error.Validation(
        "media.trailing_data", "The file carries other data after the image (a polyglot file).", Field("file", "The file carries other data after the image."));

    public static readonly Error ImageNotFound = Error.NotFound("media.not_found", "No such image.");

    public static readonly Error FileNotFound = Error.NotFound("media.file_not_found", "No such file, or the link has expired.");

    public static Error TooLarge(long limit) => Error.PayloadTooLarge(
        "media.too_large", string.Create(CultureInfo.InvariantCulture, $"The upload is larger than the limit of {limit:N0} bytes."));

    public static Error TooManyPixels(long pixels, long limit)
    {
        var message = string.Create(CultureInfo.InvariantCulture, $"The image has {pixels:N0} pixels; the limit is {limit:N0}.");
        return Error.Validation("media.too_many_pixels", message, Field("file", message));
    }

    public static Error CropOutside(int width, int height)
    {
        var message = string.Create(CultureInfo.InvariantCulture, $"The crop rectangle must lie inside the {width}x{height} image (as displayed, after its EXIF orientation).");
        return Error.Validation("media.crop_outside", message, Field("crop", message));
    }

    private static Dictionary<string, string[]> Field(string name, string message) => new() { [name] = [message] };
}
