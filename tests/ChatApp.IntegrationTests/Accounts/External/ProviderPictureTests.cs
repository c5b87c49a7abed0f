using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatApp.IntegrationTests.Accounts.External.Fakes;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Media.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Accounts.External;

/// <summary>
/// The provider's profile picture becomes the avatar of an account a provider sign-in created: fetched after the commit
/// from the picture CDN stand-in (the only allowed origin), processed by Media like an upload; anything else is never
/// fetched or never adopted.
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

        Assert.Equal([$"/r/{Path.GetFileName(picture.AbsolutePath)}{picture.Query}", $"/p/{Path.GetFileName(picture.AbsolutePath)}{picture.Query}"],
            Cdn.Requests.All.Where(path => path.Contains(Path.GetFileName(picture.AbsolutePath), StringComparison.Ordinal)).ToList());

        // Signing in again to the existing account imports nothing.
        var userId = ExternalSignInTests.UserIdOf(tokens);
        await External.SignInAsync("facebook", Providers.Facebook.IssueToken("30001", "Minji Park", picture: Cdn.Publish(TestImages.Solid(300, 300, SKColors.Blue))));
        await Eventually.Async(async () => await External.PictureEventsAsync(userId) is [true], because: "the one picture event is handled");
        Assert.Equal(1, await ImageCountAsync(userId));
    }

    [Fact]
    public async Task Kakao_and_Google_pictures_become_avatars_too()
    {
        var kakaoPicture = Cdn.Publish(TestImages.Solid(640, 640, SKColors.Lime));
        var kakao = await External.SignInAsync("kakao", Providers.Kakao.IssueToken(Providers.Kakao.NewUserId(), picture: kakaoPicture), expected: HttpStatusCode.Created);

        var google = Providers.Google;
        var nonce = Guid.NewGuid().ToString("N");
        var claims = google.Claims(Guid.NewGuid().ToString("N"), nonce) with { Name = "Hana Choi", Picture = Cdn.Publish(TestImages.Solid(96, 96, SKColors.Blue)).ToString() };
        var hana = await External.SignInAsync("google", google.Sign(claims), nonce, expected: HttpStatusCode.Created);

        await AvatarEventuallyAsync(kakao.AccessToken);
        await AvatarEventuallyAsync(hana.AccessToken);
    }

    [Fact]
    public async Task Pictures_on_other_hosts_or_unusable_ones_leave_the_account_without_an_avatar()
    {
        var elsewhere = new Uri($"http://localhost:{Cdn.BaseAddress.Port}/p/{Guid.NewGuid():N}.jpg"); // same server, not an allowed origin
        var away = Cdn.Publish(TestImages.Solid(300, 300, SKColors.Red), route: "away");
        var loop = new Uri(Cdn.BaseAddress, "/loop/0");
        var notAnImage = Cdn.Publish(Encoding.UTF8.GetBytes("<html><body>Sorry, this content isn't available right now</body></html>"));
        var tooLarge = Cdn.Publish(new byte[(5 * 1024 * 1024) + 1]);

        var silhouette = ExternalSignInTests.UserIdOf(await External.SignInAsync("facebook", Providers.Facebook.IssueToken("30101"), expected: HttpStatusCode.Created));
        var users = new Dictionary<string, Guid> { ["silhouette"] = silhouette };
        foreach (var (name, url, subject) in new[] { ("elsewhere", elsewhere, "30102"), ("away", away, "30103"), ("loop", loop, "30104"), ("notAnImage", notAnImage, "30105"), ("tooLarge", tooLarge, "30106") })
        {
            var tokens = await External.SignInAsync("facebook", Providers.Facebook.IssueToken(subject, picture: url), expected: HttpStatusCode.Created);
            users[name] = ExternalSignInTests.UserIdOf(tokens);
        }

        // No event at all where the provider gave no picture or one on a host that is not the provider's.
        Assert.Empty(await External.PictureEventsAsync(users["silhouette"]));
        Assert.Empty(await External.PictureEventsAsync(users["elsewhere"]));
        foreach (var name in new[] { "away", "loop", "notAnImage", "tooLarge" })
        {
            await Eventually.Async(async () => await External.PictureEventsAsync(users[name]) is [true], because: name + "'s picture event is handled");
        }

        foreach (var (name, id) in users)
        {
            Assert.True((await External.UserAsync(id)).AvatarMediaId is null, name);
        }

        Assert.Equal(0, Cdn.RequestsFor(elsewhere));
        Assert.Equal(1, Cdn.RequestsFor(away)); // the redirect to another host is not followed
        Assert.Equal(4, Cdn.Requests.All.Count(path => path.StartsWith("/loop/", StringComparison.Ordinal))); // the picture and 3 redirects
        Assert.Equal(0, await ImageCountAsync(users["notAnImage"]));
        Assert.Equal(0, await ImageCountAsync(users["tooLarge"]));
    }

    [Fact]
    public async Task A_passing_CDN_failure_is_tried_again_and_an_avatar_chosen_meanwhile_is_kept()
    {
        Cdn.FailuresLeft = 2;
        var flaky = Cdn.Publish(TestImages.Solid(400, 400, SKColors.Red), route: "flaky");
        var tokens = await External.SignInAsync("kakao", Providers.Kakao.IssueToken(Providers.Kakao.NewUserId(), picture: flaky), expected: HttpStatusCode.Created);
        await AvatarEventuallyAsync(tokens.AccessToken);
        Assert.Equal(3, Cdn.RequestsFor(flaky)); // two 503s, then the picture

        // The user picks an avatar while the CDN still fails: the next try stops there, the user's choice stays.
        Cdn.FailuresLeft = 2;
        var later = Cdn.Publish(TestImages.Solid(400, 400, SKColors.Lime), route: "flaky");
        var other = await External.SignInAsync("kakao", Providers.Kakao.IssueToken(Providers.Kakao.NewUserId(), picture: later), expected: HttpStatusCode.Created);
        var otherId = ExternalSignInTests.UserIdOf(other);
        var own = await Media.UploadAsync(new TestUser(otherId, "", "", other), TestImages.Solid(300, 300, SKColors.Blue), "avatar");
        using (var set = await Api.As(other.AccessToken).PutAsJsonAsync("/api/v1/accounts/me/avatar", new { mediaId = own.Id }))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        Assert.True(Cdn.RequestsFor(later) < 3, "the picture was fetched before the user chose an avatar: the outbox retried sooner than its back-off");
        await Eventually.Async(async () => await External.PictureEventsAsync(otherId) is [true], because: "the picture event is handled");
        Assert.InRange(Cdn.RequestsFor(later), 1, 2); // once the user has an avatar the picture is not even fetched
        Assert.Equal(own.Id, (await External.UserAsync(otherId)).AvatarMediaId);
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

    private async Task<int> ImageCountAsync(Guid ownerId)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MediaDbContext>().Images.CountAsync(i => i.OwnerId == ownerId);
    }

    private static void AssertNear(SKColor expected, SKColor actual) =>
        Assert.True(Math.Abs(expected.Red - actual.Red) < 40 && Math.Abs(expected.Green - actual.Green) < 40 && Math.Abs(expected.Blue - actual.Blue) < 40,
            $"expected about {expected}, got {actual}");
}
