using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using ChatApp.BuildingBlocks.Web;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Auth;
using ChatApp.Modules.Notifications.Domain;
using ChatApp.Modules.Notifications.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.IntegrationTests.Notifications.Devices;

public sealed record DeviceDto(string Platform, string Token, string AppId, string? Locale, DateTime CreatedAt, DateTime UpdatedAt, bool Current);

public sealed class DeviceRegistrationTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    private const string Devices = "/api/v1/notifications/devices";
    private const string AppId = "com.example.chat";

    public static string FcmToken() => $"c{Guid.NewGuid():N}:APA91b{Guid.NewGuid():N}-{Guid.NewGuid():N}_{Guid.NewGuid():N}";

    public static string ApnsToken() => $"{Guid.NewGuid():N}{Guid.NewGuid():N}";

    [Fact]
    public async Task Every_notifications_route_refuses_an_anonymous_caller_with_401()
    {
        var client = Api.Anonymous();
        var room = Guid.NewGuid();
        var requests = new (HttpMethod Method, string Path)[]
        {
            (HttpMethod.Put, Devices), (HttpMethod.Get, Devices), (HttpMethod.Delete, $"{Devices}/{FcmToken()}"),
            (HttpMethod.Get, "/api/v1/notifications/preferences"), (HttpMethod.Put, "/api/v1/notifications/preferences"),
            (HttpMethod.Put, $"/api/v1/notifications/rooms/{room}/mute"), (HttpMethod.Delete, $"/api/v1/notifications/rooms/{room}/mute"),
            (HttpMethod.Get, "/api/v1/notifications/mutes"),
        };

        foreach (var (method, path) in requests)
        {
            using var request = new HttpRequestMessage(method, path);
            if (method == HttpMethod.Put)
            {
                request.Content = JsonContent.Create(new { platform = "android", token = FcmToken(), appId = AppId, showPreviews = true });
            }

            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_validly_signed_token_without_a_session_cannot_register_a_device()
    {
        var user = await Api.NewUserAsync();
        var jwt = Factory.Services.GetRequiredService<IOptions<JwtOptions>>().Value;
        var now = DateTime.UtcNow;
        var sessionless = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim(ClaimsPrincipalExtensions.SubjectClaim, user.Id.ToString())]),
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(Factory.Services.GetRequiredService<SigningKeyProvider>().Key, SecurityAlgorithms.HmacSha256),
        });

        using var response = await Api.As(sessionless).PutAsJsonAsync(Devices, new { platform = "android", token = FcmToken(), appId = AppId });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await DevicesInDatabaseAsync(user.Id));
    }

    [Fact]
    public async Task A_new_token_is_created_with_201_and_registering_it_again_updates_it_with_200()
    {
        var ann = await Api.NewUserAsync("Ann");
        var token = FcmToken();

        using var created = await RegisterAsync(ann, "android", token, AppId, "de-DE");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"{Devices}/{Uri.EscapeDataString(token)}", created.Headers.Location?.OriginalString);
        var first = (await created.Content.ReadFromJsonAsync<DeviceDto>())!;
        Assert.Equal(("android", token, AppId, "de-DE", true), (first.Platform, first.Token, first.AppId, first.Locale, first.Current));
        Assert.Equal(first.CreatedAt, first.UpdatedAt);

        using var again = await RegisterAsync(ann, "android", token, "com.example.chat.beta", null);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = (await again.Content.ReadFromJsonAsync<DeviceDto>())!;
        Assert.Equal(("com.example.chat.beta", (string?)null, first.CreatedAt), (second.AppId, second.Locale, second.CreatedAt));
        Assert.True(second.UpdatedAt >= first.UpdatedAt);
        var listed = Assert.Single(await ListAsync(ann));
        Assert.Equal(second, listed);
    }

    [Fact]
    public async Task An_ios_token_is_stored_in_lower_case_so_any_case_is_the_same_device()
    {
        var ann = await Api.NewUserAsync("Ann");
        var token = ApnsToken();

        using (var created = await RegisterAsync(ann, "ios", token.ToUpperInvariant(), "com.example.Chat"))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(token, (await created.Content.ReadFromJsonAsync<DeviceDto>())!.Token);
        }

        using (var again = await RegisterAsync(ann, "ios", token, "com.example.Chat"))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var device = Assert.Single(await ListAsync(ann));
        Assert.Equal(("ios", token), (device.Platform, device.Token));
        using var removed = await Api.As(ann).DeleteAsync($"{Devices}/{token.ToUpperInvariant()}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty(await ListAsync(ann));
    }

    [Fact]
    public async Task Each_invalid_field_is_refused_with_400_and_its_code()
    {
        var ann = await Api.NewUserAsync("Ann");
        var cases = new (string? Platform, string? Token, string? AppId, string? Locale, string Field, string Code)[]
        {
            ("windows", FcmToken(), AppId, null, "platform", "notifications.invalid_platform"),
            ("Android", FcmToken(), AppId, null, "platform", "notifications.invalid_platform"),
            (null, FcmToken(), AppId, null, "platform", "notifications.invalid_platform"),
            ("android", "", AppId, null, "token", "notifications.invalid_token"),
            ("android", null, AppId, null, "token", "notifications.invalid_token"),
            ("ios", "", AppId, null, "token", "notifications.invalid_token"),
            ("ios", ApnsToken()[..63], AppId, null, "token", "notifications.invalid_token"),
            ("ios", ApnsToken() + "0", AppId, null, "token", "notifications.invalid_token"),
            ("ios", "g" + ApnsToken()[1..], AppId, null, "token", "notifications.invalid_token"),
            ("android", "has space" + FcmToken(), AppId, null, "token", "notifications.invalid_token"),
            ("android", FcmToken() + "/x", AppId, null, "token", "notifications.invalid_token"),
            ("android", FcmToken() + "é", AppId, null, "token", "notifications.invalid_token"),
            ("android", new string('a', Device.MaxTokenLength + 1), AppId, null, "token", "notifications.invalid_token"),
            ("android", FcmToken(), null, null, "appId", "notifications.invalid_app_id"),
            ("android", FcmToken(), "", null, "appId", "notifications.invalid_app_id"),
            ("android", FcmToken(), "chat", null, "appId", "notifications.invalid_app_id"),
            ("android", FcmToken(), "com..example", null, "appId", "notifications.invalid_app_id"),
            ("android", FcmToken(), "com.example.", null, "appId", "notifications.invalid_app_id"),
            ("android", FcmToken(), "com.exa mple", null, "appId", "notifications.invalid_app_id"),
            ("android", FcmToken(), "com." + new string('a', Device.MaxAppIdLength), null, "appId", "notifications.invalid_app_id"),
            ("android", FcmToken(), AppId, "", "locale", "notifications.invalid_locale"),
            ("android", FcmToken(), AppId, "de_DE", "locale", "notifications.invalid_locale"),
            ("android", FcmToken(), AppId, "e", "locale", "notifications.invalid_locale"),
            ("android", FcmToken(), AppId, "de-DE-", "locale", "notifications.invalid_locale"),
            ("android", FcmToken(), AppId, "en-" + string.Join('-', Enumerable.Repeat("abcdefgh", 4)), "locale", "notifications.invalid_locale"),
        };

        foreach (var c in cases)
        {
            using var response = await RegisterAsync(ann, c.Platform, c.Token, c.AppId, c.Locale);
            var label = $"{c.Platform}/{c.Token}/{c.AppId}/{c.Locale}";
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{label}: {response.StatusCode}");
            var problem = await Problem.ReadAsync(response);
            Assert.True(c.Code == problem.Code, $"{label}: {problem.Code}");
            Assert.True(problem.Errors.Keys.SequenceEqual([c.Field]), $"{label}: {string.Join(",", problem.Errors.Keys)}");
        }

        // Several fields wrong at once: each is listed, under the general code.
        using (var several = await RegisterAsync(ann, "pager", "", "chat", "de_DE"))
        {
            var problem = await Problem.ReadAsync(several);
            Assert.Equal("validation_failed", problem.Code);
            Assert.Equal(["appId", "locale", "platform", "token"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        }

        Assert.Empty(await ListAsync(ann));

        // Valid edges: the longest FCM token, a reverse-DNS id with '_' and '-', BCP 47 tags with script, region and digits.
        foreach (var (platform, token, appId, locale) in new[]
        {
            ("android", new string('A', Device.MaxTokenLength), "com.example_app.chat-beta", "zh-Hant-TW"),
            ("android", FcmToken(), "a.b", "es-419"),
            ("ios", ApnsToken(), "com.example.Chat", "en"),
        })
        {
            using var ok = await RegisterAsync(ann, platform, token, appId, locale);
            Assert.True(ok.StatusCode == HttpStatusCode.Created, $"{token}/{appId}/{locale}: {ok.StatusCode}");
        }
    }

    [Fact]
    public async Task A_token_registered_by_another_account_moves_to_the_caller_and_forgets_what_was_pushed_to_it()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var token = FcmToken();
        using (var annRegisters = await RegisterAsync(ann, "android", token, AppId))
        {
            Assert.Equal(HttpStatusCode.Created, annRegisters.StatusCode);
        }

        var deviceId = Assert.Single(await DevicesInDatabaseAsync(ann.Id)).Id;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            db.Deliveries.Add(new Delivery { DeviceId = deviceId, RoomId = Guid.NewGuid(), SentSeq = 5, ClearedSeq = 3, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        using var bobRegisters = await RegisterAsync(bob, "android", token, AppId, "fr");

        Assert.Equal(HttpStatusCode.Created, bobRegisters.StatusCode);
        var moved = (await bobRegisters.Content.ReadFromJsonAsync<DeviceDto>())!;
        Assert.Equal((token, "fr", true), (moved.Token, moved.Locale, moved.Current));
        Assert.Empty(await ListAsync(ann));
        Assert.Equal(token, Assert.Single(await ListAsync(bob)).Token);
        var stored = Assert.Single(await DevicesInDatabaseAsync(bob.Id));
        Assert.Equal((bob.Tokens.SessionId, deviceId), (stored.SessionId, stored.Id));
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Deliveries.AnyAsync(d => d.DeviceId == deviceId));
        }

        // Ann no longer owns it: removing it is "not found", and Bob keeps it.
        using var annRemoves = await Api.As(ann).DeleteAsync($"{Devices}/{token}");
        Assert.Equal(HttpStatusCode.NotFound, annRemoves.StatusCode);
        Assert.Equal("notifications.device_not_found", (await Problem.ReadAsync(annRemoves)).Code);
        Assert.Single(await ListAsync(bob));
    }

    [Fact]
    public async Task The_list_marks_the_device_of_the_calling_session_and_re_registering_from_another_session_rebinds_it()
    {
        var ann = await Api.NewUserAsync("Ann");
        var phone = ann.Tokens;
        var tablet = await Api.LoginAsync(ann.Email, deviceName: "tablet");
        var phoneToken = FcmToken();
        var tabletToken = ApnsToken();
        using (var r1 = await RegisterAsync(phone.AccessToken, "android", phoneToken, AppId))
        using (var r2 = await RegisterAsync(tablet.AccessToken, "ios", tabletToken, AppId))
        {
            Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (r1.StatusCode, r2.StatusCode));
        }

        var fromPhone = await ListAsync(phone.AccessToken);
        Assert.Equal([(phoneToken, true), (tabletToken, false)], fromPhone.Select(d => (d.Token, d.Current)));
        var fromTablet = await ListAsync(tablet.AccessToken);
        Assert.Equal([(phoneToken, false), (tabletToken, true)], fromTablet.Select(d => (d.Token, d.Current)));

        // The tablet signs in again (a new session) and registers the same token: bound to the new session.
        var tabletAgain = await Api.LoginAsync(ann.Email, deviceName: "tablet");
        using (var rebind = await RegisterAsync(tabletAgain.AccessToken, "ios", tabletToken, AppId))
        {
            Assert.Equal(HttpStatusCode.OK, rebind.StatusCode);
        }

        Assert.Equal([(phoneToken, false), (tabletToken, false)], (await ListAsync(tablet.AccessToken)).Select(d => (d.Token, d.Current)));
        Assert.Equal([(phoneToken, false), (tabletToken, true)], (await ListAsync(tabletAgain.AccessToken)).Select(d => (d.Token, d.Current)));
        var stored = await DevicesInDatabaseAsync(ann.Id);
        Assert.Equal(tabletAgain.SessionId, stored.Single(d => d.Token == tabletToken).SessionId);

        // A refreshed access token belongs to the same session: still current.
        var refreshed = await Api.RefreshAsync(phone.RefreshToken);
        Assert.Equal([(phoneToken, true), (tabletToken, false)], (await ListAsync(refreshed.AccessToken)).Select(d => (d.Token, d.Current)));
    }

    [Fact]
    public async Task Removing_a_device_is_204_and_an_unknown_or_someone_elses_token_is_404()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var annToken = FcmToken();
        var bobToken = FcmToken();
        (await RegisterAsync(ann, "android", annToken, AppId)).Dispose();
        (await RegisterAsync(bob, "android", bobToken, AppId)).Dispose();

        using (var others = await Api.As(ann).DeleteAsync($"{Devices}/{bobToken}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
            Assert.Equal("notifications.device_not_found", (await Problem.ReadAsync(others)).Code);
        }

        using (var unknown = await Api.As(ann).DeleteAsync($"{Devices}/{FcmToken()}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("notifications.device_not_found", (await Problem.ReadAsync(unknown)).Code);
        }

        // FCM tokens are case-sensitive: another case is another token.
        using (var otherCase = await Api.As(ann).DeleteAsync($"{Devices}/{annToken.ToUpperInvariant()}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, otherCase.StatusCode);
        }

        Assert.Single(await ListAsync(bob));
        using (var mine = await Api.As(ann).DeleteAsync($"{Devices}/{annToken}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, mine.StatusCode);
        }

        Assert.Empty(await ListAsync(ann));
        using (var again = await Api.As(ann).DeleteAsync($"{Devices}/{annToken}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }

        Assert.Single(await ListAsync(bob));
    }

    [Fact]
    public async Task A_person_keeps_at_most_twenty_devices_and_a_new_one_replaces_the_one_refreshed_longest_ago()
    {
        var ann = await Api.NewUserAsync("Ann");
        var tokens = Enumerable.Range(0, 20).Select(_ => FcmToken()).ToList();
        foreach (var token in tokens)
        {
            using var response = await RegisterAsync(ann, "android", token, AppId);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        // The first one registered is refreshed: the second is now the one refreshed longest ago.
        (await RegisterAsync(ann, "android", tokens[0], AppId)).Dispose();
        Assert.Equal(20, (await ListAsync(ann)).Count);

        var newest = FcmToken();
        using (var response = await RegisterAsync(ann, "android", newest, AppId))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var listed = (await ListAsync(ann)).Select(d => d.Token).ToList();
        Assert.Equal(20, listed.Count);
        Assert.DoesNotContain(tokens[1], listed);
        Assert.Contains(tokens[0], listed);
        Assert.Contains(newest, listed);
    }

    private Task<HttpResponseMessage> RegisterAsync(TestUser user, string? platform, string? token, string? appId, string? locale = null) =>
        RegisterAsync(user.Tokens.AccessToken, platform, token, appId, locale);

    private Task<HttpResponseMessage> RegisterAsync(string accessToken, string? platform, string? token, string? appId, string? locale = null) =>
        Api.As(accessToken).PutAsJsonAsync(Devices, new { platform, token, appId, locale });

    private Task<List<DeviceDto>> ListAsync(TestUser user) => ListAsync(user.Tokens.AccessToken);

    private async Task<List<DeviceDto>> ListAsync(string accessToken)
    {
        using var response = await Api.As(accessToken).GetAsync(Devices);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<DeviceDto>>())!;
    }

    private async Task<List<Device>> DevicesInDatabaseAsync(Guid userId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Devices.AsNoTracking().Where(d => d.UserId == userId).ToListAsync();
    }
}
