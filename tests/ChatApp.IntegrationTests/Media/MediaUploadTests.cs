using System.Net;
using System.Text;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Media.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Media;

public sealed class MediaUploadTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public async Task Each_format_becomes_chat_variants_of_exact_sizes(SKEncodedImageFormat format)
    {
        var user = await Api.NewUserAsync();
        var image = await Media.UploadAsync(user, TestImages.Halves(2000, 1000, SKColors.Red, SKColors.Blue, format), "chat");

        Assert.Equal("chat", image.Purpose);
        Assert.Equal((2000, 1000), (image.Width, image.Height));
        Assert.NotNull(image.UrlsExpireAt);
        await AssertVariantAsync(image.Variant("chat"), 1600, 800);
        await AssertVariantAsync(image.Variant("chat-thumb"), 320, 160);
        var large = await Media.FetchBytesAsync(image.Variant("chat").Url);
        Assert.True(TestImages.Near(TestImages.PixelAt(large, 100, 400), SKColors.Red));
        Assert.True(TestImages.Near(TestImages.PixelAt(large, 1500, 400), SKColors.Blue));
    }

    [Fact]
    public async Task Small_chat_pictures_are_never_enlarged()
    {
        var user = await Api.NewUserAsync();
        var image = await Media.UploadAsync(user, TestImages.Solid(300, 200, SKColors.Green), "chat");

        await AssertVariantAsync(image.Variant("chat"), 300, 200);
        await AssertVariantAsync(image.Variant("chat-thumb"), 300, 200);
    }

    [Fact]
    public async Task Avatars_are_exact_squares_public_and_cacheable_forever()
    {
        var user = await Api.NewUserAsync();
        // A transparent PNG: JPEG has no alpha, so transparent pixels must become white, not black.
        var png = TestImages.Draw(100, 60, SKEncodedImageFormat.Png, canvas => canvas.Clear(SKColors.Transparent));
        var image = await Media.UploadAsync(user, png, "avatar");

        Assert.Null(image.UrlsExpireAt);
        await AssertVariantAsync(image.Variant("avatar-512"), 512, 512);
        await AssertVariantAsync(image.Variant("avatar-128"), 128, 128);
        Assert.StartsWith("/media/files/public/avatars/", image.Variant("avatar-512").Url, StringComparison.Ordinal);
        using var response = await Media.FetchAsync(image.Variant("avatar-128").Url);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.True(TestImages.Near(TestImages.PixelAt(await response.Content.ReadAsByteArrayAsync(), 64, 64), SKColors.White));
    }

    [Theory]
    [InlineData(1, "red", "blue", 400, 200)]   // as stored
    [InlineData(3, "blue", "red", 400, 200)]   // rotated 180°: left and right swap
    [InlineData(6, "red", "blue", 200, 400)]   // rotated 90° clockwise: the left half comes on top
    [InlineData(8, "blue", "red", 200, 400)]   // rotated 90° counter-clockwise: the right half comes on top
    public async Task Exif_orientation_is_applied_and_all_metadata_is_gone(int orientation, string first, string second, int width, int height)
    {
        var user = await Api.NewUserAsync();
        var jpeg = TestImages.WithExif(TestImages.Halves(400, 200, SKColors.Red, SKColors.Blue), (ushort)orientation);
        var image = await Media.UploadAsync(user, jpeg, "chat");

        Assert.Equal((width, height), (image.Width, image.Height));
        foreach (var variant in image.Variants)
        {
            var bytes = await Media.FetchBytesAsync(variant.Url);
            using (var codec = SKCodec.Create(new MemoryStream(bytes)))
            {
                Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
            }

            var text = Encoding.Latin1.GetString(bytes);
            Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
            Assert.DoesNotContain("SecretCam", text, StringComparison.Ordinal);
            Assert.DoesNotContain("MM\0*", text, StringComparison.Ordinal); // no TIFF block (EXIF) in either byte order
            Assert.DoesNotContain("II*\0", text, StringComparison.Ordinal);
        }

        var large = await Media.FetchBytesAsync(image.Variant("chat").Url);
        var (firstAt, secondAt) = width > height ? ((50, 100), (350, 100)) : ((100, 50), (100, 350));
        Assert.True(TestImages.Near(TestImages.PixelAt(large, firstAt.Item1, firstAt.Item2), Colour(first)));
        Assert.True(TestImages.Near(TestImages.PixelAt(large, secondAt.Item1, secondAt.Item2), Colour(second)));
    }

    [Fact]
    public async Task Crop_is_in_displayed_pixels_and_exact_at_the_edges()
    {
        var user = await Api.NewUserAsync();
        var quadrants = TestImages.Quadrants(400, 200);

        var whole = await Media.UploadAsync(user, quadrants, "chat", (0, 0, 400, 200));
        await AssertVariantAsync(whole.Variant("chat"), 400, 200);

        var topRight = await Media.UploadAsync(user, quadrants, "chat", (200, 0, 200, 100));
        Assert.Equal((200, 100), (topRight.Width, topRight.Height));
        var bytes = await Media.FetchBytesAsync(topRight.Variant("chat").Url);
        foreach (var (x, y) in new[] { (0, 0), (199, 0), (0, 99), (199, 99), (100, 50) })
        {
            Assert.True(TestImages.Near(TestImages.PixelAt(bytes, x, y), SKColors.Lime), $"pixel {x},{y}");
        }

        var lastPixel = await Media.UploadAsync(user, quadrants, "chat", (399, 199, 1, 1));
        await AssertVariantAsync(lastPixel.Variant("chat"), 1, 1);
        Assert.True(TestImages.Near(TestImages.PixelAt(await Media.FetchBytesAsync(lastPixel.Variant("chat").Url), 0, 0), SKColors.Yellow));
    }

    [Fact]
    public async Task An_avatar_crop_that_is_not_square_keeps_its_centred_square()
    {
        var user = await Api.NewUserAsync();
        // 400x400 quadrants; crop the top 400x100 strip's centre: (150,0)-(250,100) straddles red and green.
        var image = await Media.UploadAsync(user, TestImages.Quadrants(400, 400), "avatar", (0, 0, 400, 100));

        Assert.Equal((100, 100), (image.Width, image.Height));
        var bytes = await Media.FetchBytesAsync(image.Variant("avatar-512").Url);
        Assert.True(TestImages.Near(TestImages.PixelAt(bytes, 100, 256), SKColors.Red));
        Assert.True(TestImages.Near(TestImages.PixelAt(bytes, 400, 256), SKColors.Lime));
    }

    public static TheoryData<string, int, string> HostileFiles => new()
    {
        { "zero-bytes", 400, "media.empty_file" },
        { "truncated-jpeg", 400, "media.corrupt_image" },
        { "text-renamed-jpg", 415, "media.unsupported_format" },
        { "jpeg-zip-polyglot", 400, "media.trailing_data" },
        { "png-claiming-100000x100000", 400, "media.too_many_pixels" },
        { "heic", 415, "media.unsupported_format" },
        { "gif", 415, "media.unsupported_format" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Hostile_files_are_refused_clearly_and_leave_nothing_behind(string kind, int status, string code)
    {
        var user = await Api.NewUserAsync();
        var jpeg = TestImages.Halves(800, 600, SKColors.Red, SKColors.Blue);
        var file = kind switch
        {
            "zero-bytes" => [],
            "truncated-jpeg" => jpeg[..(jpeg.Length / 2)],
            "text-renamed-jpg" => Encoding.UTF8.GetBytes("just some text, not a picture\n"),
            "jpeg-zip-polyglot" => jpeg.Concat(TestImages.Zip()).ToArray(),
            "png-claiming-100000x100000" => TestImages.PngClaiming(100_000, 100_000),
            "heic" => [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'h', (byte)'e', (byte)'i', (byte)'c', 0, 0, 0, 0, (byte)'m', (byte)'i', (byte)'f', (byte)'1', (byte)'h', (byte)'e', (byte)'i', (byte)'c'],
            "gif" => Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        using var response = await Media.PostImageAsync(user, file, "chat");

        Assert.Equal(status, (int)response.StatusCode);
        var problem = await Problem.ReadAsync(response);
        Assert.Equal(code, problem.Code);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_crop_outside_the_image_is_refused_with_a_field_error()
    {
        var user = await Api.NewUserAsync();
        var png = TestImages.Quadrants(400, 200);
        foreach (var crop in new[] { (0, 0, 401, 200), (400, 0, 1, 1), (0, 199, 10, 2) })
        {
            using var response = await Media.PostImageAsync(user, png, "chat", crop);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await Problem.ReadAsync(response);
            Assert.Equal("media.crop_outside", problem.Code);
            Assert.Contains("crop", problem.Errors.Keys);
        }

        using var negative = await Media.PostImageAsync(user, png, "chat", (-1, 0, 10, 10));
        Assert.Contains("cropX", (await Problem.ReadAsync(negative)).Errors.Keys);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_and_nothing_is_stored()
    {
        var user = await Api.NewUserAsync();
        var big = new byte[(10 * 1024 * 1024) + 1];
        TestImages.Solid(10, 10, SKColors.Red).CopyTo(big, 0);

        using var response = await Media.PostImageAsync(user, big, "chat");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("media.too_large", (await Problem.ReadAsync(response)).Code);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Bad_form_fields_get_field_errors()
    {
        var user = await Api.NewUserAsync();
        var png = TestImages.Quadrants(40, 20);

        using var badPurpose = await Media.PostImageAsync(user, png, "wallpaper");
        Assert.Contains("purpose", (await Problem.ReadAsync(badPurpose)).Errors.Keys);

        using var form = new MultipartFormDataContent { { new StringContent("chat"), "purpose" } };
        using var noFile = await Api.As(user).PostAsync("/api/v1/media/images", form);
        Assert.Contains("file", (await Problem.ReadAsync(noFile)).Errors.Keys);

        using var partialCrop = new MultipartFormDataContent
        {
            { new ByteArrayContent(png), "file", "a.png" },
            { new StringContent("chat"), "purpose" },
            { new StringContent("5"), "cropX" },
        };
        using var partial = await Api.As(user).PostAsync("/api/v1/media/images", partialCrop);
        Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);

        using var anonymous = await Api.Anonymous().PostAsync("/api/v1/media/images", new MultipartFormDataContent());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await AssertNothingStoredAsync();
    }

    private async Task AssertVariantAsync(UploadedVariant variant, int width, int height)
    {
        Assert.Equal((width, height), (variant.Width, variant.Height));
        Assert.Equal("image/jpeg", variant.ContentType);
        using var response = await Media.FetchAsync(variant.Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(variant.Bytes, bytes.Length);
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
        Assert.Equal((width, height), (codec.Info.Width, codec.Info.Height));
    }

    private async Task AssertNothingStoredAsync()
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
        Assert.Equal(0, await db.Images.CountAsync());
        Assert.Empty(Directory.Exists(Factory.MediaDirectory)
            ? Directory.EnumerateFiles(Factory.MediaDirectory, "*", SearchOption.AllDirectories)
            : []);
    }

    private static SKColor Colour(string name) => name == "red" ? SKColors.Red : SKColors.Blue;
}
