using System.Net;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Media.Persistence;
using ChatApp.Modules.Media.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Media;

/// <summary>The host with a storage that fails on demand (in front of the real local disk) and a CDN base URL.</summary>
public sealed class FlakyStorageFactory : ChatAppFactory
{
    internal FlakyStorage? Storage { get; private set; }

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting("Media:CdnBaseUrl", "https://cdn.example.test/");
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        var real = services.Single(d => d.ServiceType == typeof(IObjectStorage));
        services.Remove(real);
        services.AddSingleton<IObjectStorage>(provider => Storage = new FlakyStorage((IObjectStorage)real.ImplementationFactory!(provider)));
    }
}

/// <summary>Passes calls to the real storage; fails the Nth put from now when told to.</summary>
internal sealed class FlakyStorage(IObjectStorage inner) : IObjectStorage
{
    private int _putsUntilFailure = int.MaxValue;

    public void FailPut(int nth) => Interlocked.Exchange(ref _putsUntilFailure, nth);

    public Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken) =>
        Interlocked.Decrement(ref _putsUntilFailure) == 0
            ? Task.FromException(new IOException("Simulated storage failure."))
            : inner.PutAsync(key, content, contentType, cancellationToken);

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => inner.DeleteAsync(keys, cancellationToken);

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => inner.ExistsAsync(key, cancellationToken);

    public string PublicUrl(string key) => inner.PublicUrl(key);

    public string SignedUrl(string key, DateTimeOffset expiresAt) => inner.SignedUrl(key, expiresAt);

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);
}

public sealed class MediaStorageFailureTests(FlakyStorageFactory factory) : IntegrationTest<FlakyStorageFactory>(factory)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_storage_failure_half_way_leaves_no_object_and_no_row(int failingPut)
    {
        var user = await Api.NewUserAsync();
        _ = Factory.Services.GetRequiredService<IObjectStorage>();
        Factory.Storage!.FailPut(failingPut);

        using var response = await Media.PostImageAsync(user, TestImages.Solid(400, 300, SKColors.Red), "chat");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var scope = Factory.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<MediaDbContext>().Images.CountAsync());
        Assert.Empty(Directory.Exists(Factory.MediaDirectory) ? Directory.EnumerateFiles(Factory.MediaDirectory, "*", SearchOption.AllDirectories) : []);

        // The next upload works.
        var image = await Media.UploadAsync(user, TestImages.Solid(400, 300, SKColors.Red), "chat");
        Assert.Equal(2, image.Variants.Count);
    }

    [Fact]
    public async Task Public_urls_use_the_cdn_base_url_and_private_ones_stay_signed()
    {
        var user = await Api.NewUserAsync();
        var avatar = await Media.UploadAsync(user, TestImages.Solid(100, 100, SKColors.Red), "avatar");
        var chat = await Media.UploadAsync(user, TestImages.Solid(100, 100, SKColors.Red), "chat");

        Assert.All(avatar.Variants, v => Assert.StartsWith("https://cdn.example.test/public/avatars/", v.Url, StringComparison.Ordinal));
        Assert.All(chat.Variants, v => Assert.StartsWith("/media/files/signed/", v.Url, StringComparison.Ordinal));
    }
}
