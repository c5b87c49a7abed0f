using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatApp.IntegrationTests.Accounts.External.Fakes;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Features.ImportProviderPicture;
using ChatApp.Modules.Accounts.Profiles;
using ChatApp.Modules.Media.Contracts;
using ChatApp.Modules.Media.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Accounts.External;

/// <summary>
/// The provider's profile picture becomes the avatar of an account a provider sign-in created: fetched by a background
/// job from the picture CDN stand-in (the only allowed origin), processed by Media like an upload; anything else is
/// never fetched or never adopted, and a lost import is deleted.
/// </summary>
public sealed class ProviderPictureTests(ExternalSignInFactory factory) : IntegrationTest<ExternalSignInFactory>(factory)
{
    private ExternalStandIns Providers => Factory.Providers;

    private FakePictureCdn Cdn => Providers.Pictures;

    private ExternalApi External => new(Factory, Api);

    public override async Task InitializeAsync()
    {
        Providers.Reset();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task A_Facebook_picture_behind_a_redirect_becomes_the_avatar_once()
    {
        var picture = Cdn.Publish(TestImages.Quadrants(800, 600, SKEncodedImageFormat.Jpeg), route: "r");

        var tokens = await External.SignInAsync("facebook", Providers.Facebook.IssueToken("30001", "Minji Park", picture: picture), expected: HttpStatusCode.Created);

        var avatar = await AvatarEventuallyAsync(tokens.AccessToken);
        using (var large = await Media.FetchAsync(avatar.GetProperty("url").GetString()!))
        {
            Assert.Equal(HttpStatusCode.OK, large.StatusCode);
            using var bitmap = SKBitmap.Decode(await large.Content.ReadAsByteArrayAsync());
            Assert.Equal((512, 512), (bitmap.Width, bitmap.Height)); // the centred square of 800x600, resized
            AssertNear(SKColors.Red, bitmap.GetPixel(64, 64));
            AssertNear(SKColors.Yellow, bitmap.GetPixel(448, 448));
        }

        var name = Path.GetFileName(picture.AbsolutePath);
        Assert.Equal([$"/r/{name}{picture.Query}", $"/p/{name}{picture.Query}"], Cdn.Requests.All.Where(path => path.Contains(name, StringComparison.Ordinal)).ToList());

        // Signing in again to the existing account imports nothing.
        var userId = ExternalSignInTests.UserIdOf(tokens);
        await External.SignInAsync("facebook", Providers.Facebook.IssueToken("30001", "Minji Park", picture: Cdn.Publish(TestImages.Solid(300, 300, SKColors.Blue))));
        await Eventually.Async(async () => await External.PictureEventsAsync(userId) is [true], because: "the one picture event is handled");
        Assert.Equal(1, await ImageCountAsync(userId));
        Assert.Single(PictureJobs(userId));
    }

    [Fact]
    public async Task Kakao_with_https_image_urls_and_Google_pictures_become_avatars_too()
    {
        var kakaoPicture = Cdn.Publish(TestImages.Solid(640, 640, SKColors.Lime));
        var kakao = await External.SignInAsync("kakao", Providers.Kakao.IssueToken(Providers.Kakao.NewUserId(), picture: kakaoPicture), expected: HttpStatusCode.Created);

        var google = Providers.Google;
        var nonce = Guid.NewGuid().ToString("N");
        var claims = google.Claims(Guid.NewGuid().ToString("N"), nonce) with { Name = "Hana Choi", Picture = Cdn.Publish(TestImages.Solid(96, 96, SKColors.Blue)).ToString() };
        var hana = await External.SignInAsync("google", google.Sign(claims), nonce, expected: HttpStatusCode.Created);

        await AvatarEventuallyAsync(kakao.AccessToken);
        await AvatarEventuallyAsync(hana.AccessToken);
        Assert.All(Providers.Kakao.UserCallsSecure.All, Assert.True); // asked for https image URLs (secure_resource=true)
    }

    [Fact]
    public async Task Pictures_on_other_hosts_or_unusable_ones_leave_the_account_without_an_avatar_or_an_image()
    {
        var large = LargeJpeg();
        Assert.True(large.Length > ExternalStandIns.PictureMaxBytes);
        var pictures = new Dictionary<string, Uri>
        {
            ["elsewhere"] = new($"http://localhost:{Cdn.BaseAddress.Port}/p/{Guid.NewGuid():N}.jpg"), // same server, not an allowed origin
            ["away"] = Cdn.Publish(TestImages.Solid(300, 300, SKColors.Red), route: "away"),
            ["loop"] = new(Cdn.BaseAddress, "/loop/0"),
            ["notAnImage"] = Cdn.Publish(Encoding.UTF8.GetBytes("<html><body>Sorry, this content isn't available right now</body></html>")),
            ["tooLargeChunked"] = Cdn.Publish(large),
            ["tooLargeSized"] = Cdn.Publish(large, route: "sized"),
        };

        var users = new Dictionary<string, Guid>
        {
            ["silhouette"] = ExternalSignInTests.UserIdOf(await External.SignInAsync("facebook", Providers.Facebook.IssueToken("30101"), expected: HttpStatusCode.Created)),
        };
        var subject = 30102;
        foreach (var (name, url) in pictures)
        {
            var tokens = await External.SignInAsync("facebook", Providers.Facebook.IssueToken((subject++).ToString(System.Globalization.CultureInfo.InvariantCulture), picture: url), expected: HttpStatusCode.Created);
            users[name] = ExternalSignInTests.UserIdOf(tokens);
        }

        // No event at all where the provider gave no picture or one on a host that is not the provider's.
        Assert.Empty(await External.PictureEventsAsync(users["silhouette"]));
        Assert.Empty(await External.PictureEventsAsync(users["elsewhere"]));
        foreach (var name in new[] { "away", "loop", "notAnImage", "tooLargeChunked", "tooLargeSized" })
        {
            await Eventually.Async(() => Task.FromResult(PictureJobsDone(users[name])), because: name + "'s picture job has run");
            Assert.Equal(["Succeeded"], PictureJobs(users[name]).Select(j => j.State)); // refusals are not retried
        }

        foreach (var (name, id) in users)
        {
            Assert.True((await External.UserAsync(id)).AvatarMediaId is null, name);
            Assert.True(await ImageCountAsync(id) == 0, name);
        }

        Assert.Equal(0, Cdn.RequestsFor(pictures["elsewhere"]));
        Assert.Equal(1, Cdn.RequestsFor(pictures["away"])); // the redirect to another host is not followed
        Assert.Equal(4, Cdn.Requests.All.Count(path => path.StartsWith("/loop/", StringComparison.Ordinal))); // the first and 3 redirects
    }

    [Fact]
    public async Task Passing_failures_are_tried_again_a_bounded_number_of_times()
    {
        Cdn.FailuresLeft = 2;
        var flaky = Cdn.Publish(TestImages.Solid(400, 400, SKColors.Red), route: "flaky");
        var stalled = Cdn.Publish(TestImages.Quadrants(600, 600, SKEncodedImageFormat.Jpeg), route: "stall");

        var recovered = await External.SignInAsync("kakao", Providers.Kakao.IssueToken(Providers.Kakao.NewUserId(), picture: flaky), expected: HttpStatusCode.Created);
        var neverArrives = ExternalSignInTests.UserIdOf(await External.SignInAsync("kakao", Providers.Kakao.IssueToken(Providers.Kakao.NewUserId(), picture: stalled), expected: HttpStatusCode.Created));

        await AvatarEventuallyAsync(recovered.AccessToken);
        Assert.Equal(3, Cdn.RequestsFor(flaky)); // two 503s, then the picture

        // A body that stops half-way times out each time (PictureTimeout 2 s here): 4 attempts in all, then no avatar.
        // Each attempt schedules the next as it ends, so between two attempts every listed job can look finished: wait for the last one.
        await Eventually.Async(() => Task.FromResult(PictureJobs(neverArrives).Count >= 4 && PictureJobsDone(neverArrives)), TimeSpan.FromSeconds(60), "the stalled picture's attempts end");
        Assert.Equal(4, Cdn.RequestsFor(stalled));
        Assert.Equal(4, PictureJobs(neverArrives).Count);
        Assert.Null((await External.UserAsync(neverArrives)).AvatarMediaId);
    }

    [Fact]
    public async Task An_avatar_the_user_chose_first_wins_and_a_lost_import_is_deleted()
    {
        var tokens = await External.SignInAsync("kakao", Providers.Kakao.IssueToken(Providers.Kakao.NewUserId()), expected: HttpStatusCode.Created);
        var userId = ExternalSignInTests.UserIdOf(tokens);
        var own = await Media.UploadAsync(new TestUser(userId, "", "", tokens), TestImages.Solid(300, 300, SKColors.Blue), "avatar");
        using (var set = await Api.As(tokens.AccessToken).PutAsJsonAsync("/api/v1/accounts/me/avatar", new { mediaId = own.Id }))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        // A job that starts after the choice does not even fetch.
        var picture = Cdn.Publish(TestImages.Solid(300, 300, SKColors.Red));
        using (var scope = Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportProviderPictureJob>().RunAsync(userId, "kakao", picture.AbsoluteUri, 1, CancellationToken.None);
        }

        Assert.Equal(0, Cdn.RequestsFor(picture));

        // An import that was fetched before the choice and adopted after it loses; so does one for a deleted account.
        using (var scope = Factory.Services.CreateScope())
        {
            var import = scope.ServiceProvider.GetRequiredService<IAvatarImport>();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var late = (await import.ImportAvatarAsync(userId, TestImages.Solid(200, 200, SKColors.Red), CancellationToken.None)).Value;
            Assert.Equal(AvatarAdoption.AvatarAlreadySet, await sender.Send(new AdoptProviderPictureCommand(userId, late)));
            var gone = Guid.NewGuid();
            var orphan = (await import.ImportAvatarAsync(gone, TestImages.Solid(200, 200, SKColors.Red), CancellationToken.None)).Value;
            Assert.Equal(AvatarAdoption.UserGone, await sender.Send(new AdoptProviderPictureCommand(gone, orphan)));

            await import.DiscardAsync(userId, late, CancellationToken.None);
            await import.DiscardAsync(gone, orphan, CancellationToken.None);
            await import.DiscardAsync(Guid.NewGuid(), own.Id, CancellationToken.None); // not the owner: nothing happens
        }

        Assert.Equal(own.Id, (await External.UserAsync(userId)).AvatarMediaId);
        Assert.Equal(1, await ImageCountAsync(userId)); // the user's own upload only
        using (var kept = await Media.FetchAsync(own.Variant("avatar-512").Url))
        {
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        }
    }

    /// <summary>An 800x800 JPEG of noise: a real image larger than <see cref="ExternalStandIns.PictureMaxBytes"/>.</summary>
    private static byte[] LargeJpeg()
    {
        using var bitmap = new SKBitmap(800, 800);
        var random = new Random(19);
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }

    private async Task<JsonElement> AvatarEventuallyAsync(string accessToken)
    {
        JsonElement avatar = default;
        await Eventually.Async(async () =>
        {
            using var me = await Api.As(accessToken).GetAsync("/api/v1/accounts/me");
            var body = await me.Content.ReadFromJsonAsync<JsonElement>();
            avatar = body.GetProperty("avatar");
            return avatar.ValueKind == JsonValueKind.Object;
        }, because: "the provider picture becomes the avatar");
        return avatar;
    }

    /// <summary>True once the user's picture jobs have all run: at least one, none waiting or running.</summary>
    private bool PictureJobsDone(Guid userId)
    {
        var jobs = PictureJobs(userId);
        return jobs.Count > 0 && jobs.All(j => j.State is "Succeeded" or "Failed");
    }

    private List<(string Id, string State)> PictureJobs(Guid userId) => HangfireJobs.Of<ImportProviderPictureJob>(Factory.Services, userId);

    private async Task<int> ImageCountAsync(Guid ownerId)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MediaDbContext>().Images.CountAsync(i => i.OwnerId == ownerId);
    }

    private static void AssertNear(SKColor expected, SKColor actual) =>
        Assert.True(Math.Abs(expected.Red - actual.Red) < 40 && Math.Abs(expected.Green - actual.Green) < 40 && Math.Abs(expected.Blue - actual.Blue) < 40,
            $"expected about {expected}, got {actual}");
}
