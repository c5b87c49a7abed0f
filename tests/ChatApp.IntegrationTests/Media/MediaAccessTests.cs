using System.Net;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Media.Domain;
using ChatApp.Modules.Media.Features.CleanUpMedia;
using ChatApp.Modules.Media.Persistence;
using ChatApp.Modules.Media.Storage;
using Hangfire;
using Hangfire.Storage;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Media;

public sealed class MediaAccessTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task Only_the_owner_can_look_an_image_up()
    {
        var owner = await Api.NewUserAsync();
        var stranger = await Api.NewUserAsync();
        var image = await Media.UploadAsync(owner, TestImages.Solid(50, 50, SKColors.Red), "chat");

        using var mine = await Api.As(owner).GetAsync($"/api/v1/media/images/{image.Id}");
        using var theirs = await Api.As(stranger).GetAsync($"/api/v1/media/images/{image.Id}");
        using var unknown = await Api.As(owner).GetAsync($"/api/v1/media/images/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal((await Problem.ReadAsync(unknown)).Code, (await Problem.ReadAsync(theirs)).Code);
    }

    [Fact]
    public async Task Chat_pictures_are_only_reachable_through_valid_signed_links()
    {
        var owner = await Api.NewUserAsync();
        var image = await Media.UploadAsync(owner, TestImages.Solid(50, 50, SKColors.Red), "chat");
        var url = image.Variant("chat").Url;
        Assert.StartsWith("/media/files/signed/", url, StringComparison.Ordinal);
        Assert.True(image.UrlsExpireAt > DateTime.UtcNow.AddMinutes(10));

        // A valid link works without credentials: it is the credential.
        using (var ok = await Media.FetchAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Contains("private", ok.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        }

        // The object's key is not a public path.
        var storage = (LocalDiskObjectStorage)Factory.Services.GetRequiredService<IObjectStorage>();
        var key = Path.GetRelativePath(storage.Root, Directory.EnumerateFiles(storage.Root, "chat.jpg", SearchOption.AllDirectories).Single()).Replace('\\', '/');
        using (var byKey = await Media.FetchAsync("/media/files/" + key))
        {
            Assert.Equal(HttpStatusCode.NotFound, byKey.StatusCode);
        }

        using (var byPublicPath = await Media.FetchAsync("/media/files/public/../" + key))
        {
            Assert.NotEqual(HttpStatusCode.OK, byPublicPath.StatusCode);
        }

        // Expired and tampered links are refused.
        using (var expired = await Media.FetchAsync(storage.SignedUrl(key, DateTimeOffset.UtcNow.AddSeconds(-1))))
        {
            Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        }

        var tampered = url[..^3] + (url[^3] == 'A' ? "B" : "A") + url[^2..];
        using (var forged = await Media.FetchAsync(tampered))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }
    }

    [Fact]
    public async Task The_clean_up_job_deletes_unused_uploads_after_the_retention_and_released_images_at_once()
    {
        var owner = await Api.NewUserAsync();
        var old = await Media.UploadAsync(owner, TestImages.Solid(40, 40, SKColors.Red), "chat");
        var oldButUsed = await Media.UploadAsync(owner, TestImages.Solid(40, 40, SKColors.Green), "chat");
        var released = await Media.UploadAsync(owner, TestImages.Solid(40, 40, SKColors.Blue), "chat");
        var fresh = await Media.UploadAsync(owner, TestImages.Solid(40, 40, SKColors.Yellow), "chat");
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
            var dayAgo = DateTime.UtcNow.AddHours(-25);
            await db.Images.Where(i => i.Id == old.Id || i.Id == oldButUsed.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.CreatedAt, dayAgo));
            await db.Images.Where(i => i.Id == released.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ReleasedAt, DateTime.UtcNow));
            db.Uses.Add(new MediaUse { MediaId = oldButUsed.Id, Holder = MediaUse.ForMessage(Guid.NewGuid()), CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var storage = Factory.Services.GetRequiredService<IObjectStorage>();
        var keysBefore = await KeysAsync();
        CleanUpMediaResult result;
        using (var scope = Factory.Services.CreateScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CleanUpMediaCommand());
        }

        Assert.Equal(1, result.ExpiredUnused);
        Assert.Equal(2, result.DeletedImages);
        Assert.Equal(4, result.DeletedObjects);
        using (var scope = Factory.Services.CreateScope())
        {
            var remaining = await scope.ServiceProvider.GetRequiredService<MediaDbContext>().Images.Select(i => i.Id).ToListAsync();
            Assert.Equal(new[] { oldButUsed.Id, fresh.Id }.Order(), remaining.Order());
        }

        foreach (var (id, key) in keysBefore)
        {
            Assert.Equal(id == oldButUsed.Id || id == fresh.Id, await storage.ExistsAsync(key, CancellationToken.None));
        }

        using var gone = await Api.As(owner).GetAsync($"/api/v1/media/images/{old.Id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public void The_clean_up_is_a_recurring_Hangfire_job()
    {
        using var connection = Factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == CleanUpMediaJob.RecurringJobId);
        Assert.NotNull(job);
        Assert.Equal("*/15 * * * *", job.Cron);
    }

    private async Task<List<(Guid Id, string Key)>> KeysAsync()
    {
        using var scope = Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<MediaDbContext>().Variants.Select(v => new { v.MediaId, v.Key }).ToListAsync())
            .Select(v => (v.MediaId, v.Key)).ToList();
    }
}
