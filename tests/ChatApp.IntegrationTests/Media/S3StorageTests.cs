using System.Net;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Media.Features.CleanUpMedia;
using ChatApp.Modules.Media.Persistence;
using ChatApp.Modules.Media.Storage;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Media;

/// <summary>The host with Media on S3: a real S3-compatible server (s3rver) on 127.0.0.1, a bucket of its own.</summary>
public sealed class S3ChatAppFactory : ChatAppFactory
{
    public string Bucket { get; } = "chatapp-test-" + Guid.NewGuid().ToString("N")[..12];

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting("Media:Storage", "S3");
        builder.UseSetting("Media:S3:ServiceUrl", TestServers.S3);
        builder.UseSetting("Media:S3:ForcePathStyle", "true");
        builder.UseSetting("Media:S3:Bucket", Bucket);
        builder.UseSetting("Media:S3:AccessKey", "S3RVER");
        builder.UseSetting("Media:S3:SecretKey", "S3RVER");
        builder.UseSetting("Media:S3:CreateBucket", "true");
    }
}

public sealed class S3StorageTests(S3ChatAppFactory factory) : IntegrationTest<S3ChatAppFactory>(factory)
{
    [Fact]
    public async Task Uploads_land_in_the_bucket_and_are_served_from_it()
    {
        var user = await Api.NewUserAsync();
        var chat = await Media.UploadAsync(user, TestImages.Halves(1000, 500, SKColors.Red, SKColors.Blue), "chat");
        var avatar = await Media.UploadAsync(user, TestImages.Solid(300, 300, SKColors.Green), "avatar");

        var signed = chat.Variant("chat").Url;
        Assert.StartsWith($"{TestServers.S3}/{Factory.Bucket}/private/chat/", signed, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Signature=", signed, StringComparison.Ordinal);
        var bytes = await Media.FetchBytesAsync(signed);
        Assert.True(TestImages.Near(TestImages.PixelAt(bytes, 100, 250), SKColors.Red));

        var publicUrl = avatar.Variant("avatar-128").Url;
        Assert.Equal($"{TestServers.S3}/{Factory.Bucket}/public/avatars/", publicUrl[..publicUrl.IndexOf("avatars/", StringComparison.Ordinal)] + "avatars/");
        using var response = await Media.FetchAsync(publicUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_signed_link_stops_working_when_it_expires()
    {
        var user = await Api.NewUserAsync();
        var chat = await Media.UploadAsync(user, TestImages.Solid(64, 64, SKColors.Red), "chat");
        var storage = Factory.Services.GetRequiredService<IObjectStorage>();
        var key = await KeyOfAsync(chat.Id, "chat");

        var expiresAt = DateTimeOffset.UtcNow.AddSeconds(2);
        var shortLived = storage.SignedUrl(key, expiresAt);
        using (var before = await Media.FetchAsync(shortLived))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // S3 refuses the link once its expiry has passed (403), and never serves it again.
        await Eventually.Async(async () =>
        {
            using var after = await Media.FetchAsync(shortLived);
            Assert.True(after.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"unexpected {(int)after.StatusCode}");
            return after.StatusCode == HttpStatusCode.Forbidden;
        }, TimeSpan.FromSeconds(15), "the signed link's expiry");
        Assert.True(DateTimeOffset.UtcNow >= expiresAt.AddSeconds(-1), "S3 refused the link well before its expiry"); // whole seconds in the signature
    }

    [Fact]
    public async Task Refused_uploads_leave_no_object_and_clean_up_deletes_objects_from_the_bucket()
    {
        var user = await Api.NewUserAsync();
        using (var refused = await Media.PostImageAsync(user, TestImages.PngClaiming(100_000, 100_000), "chat"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        var chat = await Media.UploadAsync(user, TestImages.Solid(64, 64, SKColors.Red), "chat");
        var storage = Factory.Services.GetRequiredService<IObjectStorage>();
        var keys = new[] { await KeyOfAsync(chat.Id, "chat"), await KeyOfAsync(chat.Id, "chat-thumb") };
        Assert.All(keys, key => Assert.True(storage.ExistsAsync(key, CancellationToken.None).Result));
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
            Assert.Equal(1, await db.Images.CountAsync());
            await db.Images.ExecuteUpdateAsync(s => s.SetProperty(i => i.ReleasedAt, DateTime.UtcNow));
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CleanUpMediaCommand());
        }

        foreach (var key in keys)
        {
            Assert.False(await storage.ExistsAsync(key, CancellationToken.None));
        }
    }

    private async Task<string> KeyOfAsync(Guid mediaId, string variant)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MediaDbContext>().Variants
            .Where(v => v.MediaId == mediaId && v.Name == variant).Select(v => v.Key).SingleAsync();
    }
}
