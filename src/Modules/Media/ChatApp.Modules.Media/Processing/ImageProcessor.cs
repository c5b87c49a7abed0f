using SkiaSharp;

namespace ChatApp.Modules.Media.Processing;

/// <summary>
/// Decodes an upload with SkiaSharp, whatever its name or declared type, and renders the variants of its purpose:
/// EXIF orientation applied, cropped, resized and re-encoded as JPEG from pixels only, so no metadata of the upload
/// (GPS, camera, thumbnails, comments) and no byte of anything appended to it can reach a variant.
/// Pure CPU work, no I/O; safe to call concurrently.
/// </summary>
internal sealed class ImageProcessor(int maxPixels, int jpegQuality)
{
    public const string ContentType = "image/jpeg";

    private static readonly VariantSpec[] AvatarVariants = [new("avatar-512", 512, Fit.Square), new("avatar-128", 128, Fit.Square)];
    private static readonly VariantSpec[] ChatVariants = [new("chat", 1600, Fit.LongEdge), new("chat-thumb", 320, Fit.LongEdge)];

    public Result<ProcessedImage> Process(byte[] upload, MediaPurpose purpose, CropRect? crop)
    {
        if (upload.Length == 0)
        {
            return MediaErrors.EmptyFile;
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        var format = codec?.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => "jpeg",
            SKEncodedImageFormat.Png => "png",
            SKEncodedImageFormat.Webp => "webp",
            _ => null,
        };
        if (codec is null || format is null)
        {
            return MediaErrors.UnsupportedFormat;
        }

        if (ImageContainer.HasTrailingData(upload, codec.EncodedFormat))
        {
            return MediaErrors.TrailingData;
        }

        // The header's size, before any pixel is allocated: a decompression bomb stops here.
        var rawWidth = codec.Info.Width;
        var rawHeight = codec.Info.Height;
        if (rawWidth <= 0 || rawHeight <= 0 || (long)rawWidth * rawHeight > maxPixels)
        {
            return MediaErrors.TooManyPixels((long)rawWidth * rawHeight, maxPixels);
        }

        var origin = codec.EncodedOrigin;
        var swapsAxes = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (width, height) = swapsAxes ? (rawHeight, rawWidth) : (rawWidth, rawHeight);
        var region = crop ?? new CropRect(0, 0, width, height);
        if (region.X < 0 || region.Y < 0 || region.Width < 1 || region.Height < 1
            || (long)region.X + region.Width > width || (long)region.Y + region.Height > height)
        {
            return MediaErrors.CropOutside(width, height);
        }

        var specs = purpose == MediaPurpose.Avatar ? AvatarVariants : ChatVariants;
        if (purpose == MediaPurpose.Avatar)
        {
            region = CenteredSquare(region);
        }

        var first = specs[0].SizeFor(region.Width, region.Height);
        var decoded = Decode(codec, region, first);
        if (decoded is null)
        {
            return MediaErrors.CorruptImage;
        }

        using var source = decoded;
        using var sourceImage = SKImage.FromBitmap(source);
        // Raw decoded pixels -> full-size raw -> displayed orientation -> crop region.
        var toOriented = Orientation(origin, rawWidth, rawHeight)
            .PreConcat(SKMatrix.CreateScale((float)rawWidth / source.Width, (float)rawHeight / source.Height));
        var toRegion = SKMatrix.CreateTranslation(-region.X, -region.Y).PreConcat(toOriented);

        var variants = new List<ProcessedVariant>(specs.Length);
        SKImage? previous = null;
        try
        {
            foreach (var spec in specs)
            {
                var (targetWidth, targetHeight) = spec.SizeFor(region.Width, region.Height);
                SKImage rendered;
                if (previous is null)
                {
                    var matrix = SKMatrix.CreateScale((float)targetWidth / region.Width, (float)targetHeight / region.Height).PreConcat(toRegion);
                    rendered = Render(sourceImage, matrix, targetWidth, targetHeight);
                }
                else
                {
                    // Smaller variants come from the previous one: already oriented and cropped, and far fewer pixels.
                    var matrix = SKMatrix.CreateScale((float)targetWidth / previous.Width, (float)targetHeight / previous.Height);
                    rendered = Render(previous, matrix, targetWidth, targetHeight);
                }

                previous?.Dispose();
                previous = rendered;
                using var encoded = rendered.Encode(SKEncodedImageFormat.Jpeg, jpegQuality)
                    ?? throw new InvalidOperationException("JPEG encoding failed.");
                variants.Add(new ProcessedVariant(spec.Name, targetWidth, targetHeight, ContentType, encoded.ToArray()));
            }
        }
        finally
        {
            previous?.Dispose();
        }

        return new ProcessedImage(format, width, height, region.Width, region.Height, variants);
    }

    /// <summary>
    /// Decodes the pixels, at the smallest scale the codec offers (JPEG: 1/2, 1/4, 1/8 of the size, decoded that small
    /// from the start) that still gives the largest variant at least its full resolution. Null when the data is damaged
    /// or truncated: a partly decoded image is refused, not stored grey.
    /// </summary>
    private static SKBitmap? Decode(SKCodec codec, CropRect region, (int Width, int Height) largest)
    {
        var needed = Math.Max((float)largest.Width / region.Width, (float)largest.Height / region.Height);
        var size = codec.Info.Size;
        foreach (var candidate in new[] { 0.125f, 0.25f, 0.5f })
        {
            if (candidate < needed || codec.EncodedFormat != SKEncodedImageFormat.Jpeg)
            {
                continue;
            }

            var scaled = codec.GetScaledDimensions(candidate);
            var actual = Math.Min((float)scaled.Width / codec.Info.Width, (float)scaled.Height / codec.Info.Height);
            if (actual >= needed && scaled.Width < codec.Info.Width)
            {
                size = scaled;
                break;
            }
        }

        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            return null;
        }

        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }

        bitmap.SetImmutable();
        return bitmap;
    }

    private static SKImage Render(SKImage source, SKMatrix matrix, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Could not allocate the variant.");
        var canvas = surface.Canvas;
        // JPEG has no transparency: transparent pixels become white rather than black.
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(matrix);
        // Reducing by more than 2x samples from mipmaps (no aliasing); otherwise bilinear is sharp enough and fast.
        var scaleX = MathF.Sqrt((matrix.ScaleX * matrix.ScaleX) + (matrix.SkewY * matrix.SkewY));
        var scaleY = MathF.Sqrt((matrix.SkewX * matrix.SkewX) + (matrix.ScaleY * matrix.ScaleY));
        var reduction = 1 / Math.Min(scaleX, scaleY);
        var sampling = reduction > 2
            ? new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)
            : new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None);
        canvas.DrawImage(source, 0, 0, sampling);
        canvas.Flush();
        return surface.Snapshot();
    }

    /// <summary>The transform from raw pixel coordinates to the displayed (oriented) image (EXIF orientation 1..8).</summary>
    internal static SKMatrix Orientation(SKEncodedOrigin origin, int width, int height) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, height, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, height, -1, 0, width, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, width, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    private static CropRect CenteredSquare(CropRect region)
    {
        var side = Math.Min(region.Width, region.Height);
        return new CropRect(region.X + (region.Width - side) / 2, region.Y + (region.Height - side) / 2, side, side);
    }

    private enum Fit
    {
        Square,
        LongEdge,
    }

    private sealed record VariantSpec(string Name, int Size, Fit Fit)
    {
        /// <summary>Squares are always <see cref="Size"/>; other images fit their long edge in it, never enlarged.</summary>
        public (int Width, int Height) SizeFor(int width, int height)
        {
            if (Fit == Fit.Square)
            {
                return (Size, Size);
            }

            var scale = Math.Min(1.0, (double)Size / Math.Max(width, height));
            return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
        }
    }
}
