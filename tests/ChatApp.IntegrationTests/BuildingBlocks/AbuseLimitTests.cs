using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatApp.BuildingBlocks.RateLimiting;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace ChatApp.IntegrationTests.BuildingBlocks;

/// <summary>
/// A host with small abuse limits (windows of an hour, so timing cannot let a request through by accident, except the
/// search limit whose short window the reset test waits out), callers' addresses set per request, and the counters in
/// Redis emptied before each test.
/// </summary>
public sealed class AbuseLimitFactory : ChatAppFactory
{
    public const int RegistrationsPerAddress = 5;
    public const int SignInsPerAccount = 4;
    public const int RefreshesPerToken = 2;
    public const int PerUser = 2;
    public static readonly TimeSpan SearchWindow = TimeSpan.FromSeconds(2);

    public string CounterPrefix => HangfirePrefix + "rl:";

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        Limit(builder, RateLimitPolicies.Register, "PerAddress", RegistrationsPerAddress, TimeSpan.FromHours(1));
        Limit(builder, RateLimitPolicies.Login, "PerAccount", SignInsPerAccount, TimeSpan.FromHours(1));
        Limit(builder, RateLimitPolicies.Refresh, "PerAccount", RefreshesPerToken, TimeSpan.FromHours(1));
        foreach (var policy in new[] { RateLimitPolicies.CreateRoom, RateLimitPolicies.EditMessage, RateLimitPolicies.React, RateLimitPolicies.Upload })
        {
            Limit(builder, policy, "PerUser", PerUser, TimeSpan.FromHours(1));
        }

        Limit(builder, RateLimitPolicies.Search, "PerUser", 1, SearchWindow);
    }

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>();

    public override async Task ResetAsync()
    {
        await base.ResetAsync();
        var redis = Services.GetRequiredService<IConnectionMultiplexer>();
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        await foreach (var key in server.KeysAsync(pattern: CounterPrefix + "*"))
        {
            await redis.GetDatabase().KeyDeleteAsync(key);
        }
    }

    private static void Limit(IWebHostBuilder builder, string policy, string dimension, int permitLimit, TimeSpan window)
    {
        builder.UseSetting(RateLimitSettings.Key(policy, dimension, "PermitLimit"), permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting(RateLimitSettings.Key(policy, dimension, "Window"), window.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class AbuseLimitTests(AbuseLimitFactory factory) : IntegrationTest<AbuseLimitFactory>(factory)
{
    [Fact]
    public async Task The_sixth_registration_from_one_address_is_refused_with_retry_after_and_a_code_and_other_addresses_are_not()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= AbuseLimitFactory.RegistrationsPerAddress; i++)
        {
            statuses.Add((await RegisterFromAsync("203.0.113.7", AccountsApi.UniqueEmail())).StatusCode);
        }

        var refused = await RegisterFromAsync("203.0.113.7", AccountsApi.UniqueEmail());
        var otherAddress = await RegisterFromAsync("203.0.113.8", AccountsApi.UniqueEmail());

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Created, AbuseLimitFactory.RegistrationsPerAddress).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var problem = await Problem.ReadAsync(refused);
        Assert.Equal(RateLimitingExtensions.RateLimitedCode, problem.Code);
        Assert.Equal(429, problem.Status);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromMinutes(55), TimeSpan.FromHours(1));
        Assert.Equal((int)retryAfter.Value.TotalSeconds, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("retryAfter").GetInt32());
        Assert.Equal(HttpStatusCode.Created, otherAddress.StatusCode);
    }

    [Fact]
    public async Task IPv6_callers_are_counted_per_64_block()
    {
        for (var i = 1; i <= AbuseLimitFactory.RegistrationsPerAddress; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await RegisterFromAsync($"2001:db8:1:2::{i}", AccountsApi.UniqueEmail())).StatusCode);
        }

        var sameBlock = await RegisterFromAsync("2001:db8:1:2:ffff::1", AccountsApi.UniqueEmail());
        var nextBlock = await RegisterFromAsync("2001:db8:1:3::1", AccountsApi.UniqueEmail());

        Assert.Equal(HttpStatusCode.TooManyRequests, sameBlock.StatusCode);
        Assert.Equal(HttpStatusCode.Created, nextBlock.StatusCode);
    }

    [Fact]
    public async Task Sign_ins_to_one_account_are_counted_whatever_the_address_spelling_or_duplicate_members()
    {
        var email = AccountsApi.UniqueEmail();
        await Api.RegisterAsync(email);

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= AbuseLimitFactory.SignInsPerAccount; i++)
        {
            statuses.Add((await LoginFromAsync($"198.51.100.{i}", $$"""{"email":"{{email}}","password":"{{AccountsApi.Password}}"}""")).StatusCode);
        }

        var upperCase = await LoginFromAsync("198.51.100.50", $$"""{"email":" {{email.ToUpperInvariant()}} ","password":"{{AccountsApi.Password}}"}""");
        var duplicateMember = await LoginFromAsync("198.51.100.51",
            $$"""{"email":"{{AccountsApi.UniqueEmail()}}","email":"{{email}}","password":"{{AccountsApi.Password}}"}""");
        var otherAccount = AccountsApi.UniqueEmail();
        await Api.RegisterAsync(otherAccount);
        var otherAccountSameAddress = await LoginFromAsync("198.51.100.1", $$"""{"email":"{{otherAccount}}","password":"{{AccountsApi.Password}}"}""");

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, upperCase.StatusCode);
        Assert.Equal(RateLimitingExtensions.RateLimitedCode, (await Problem.ReadAsync(upperCase)).Code);
        Assert.NotNull(upperCase.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, duplicateMember.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherAccountSameAddress.StatusCode);
    }

    [Fact]
    public async Task One_refresh_token_is_limited_however_many_addresses_present_it()
    {
        var token = "not-a-real-refresh-token-" + Guid.NewGuid();

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= AbuseLimitFactory.RefreshesPerToken + 1; i++)
        {
            statuses.Add((await SendFromAsync($"198.51.100.{i}", "/api/v1/accounts/refresh", $$"""{"refreshToken":"{{token}}"}""")).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, AbuseLimitFactory.RefreshesPerToken).Append(HttpStatusCode.TooManyRequests), statuses);
    }

    [Fact]
    public async Task Room_creation_edits_and_reactions_are_limited_per_user()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(ann, room.Id, "hello");

        // Room creation: the direct room above was the first.
        var secondRoom = await Api.As(ann).PostAsJsonAsync("/api/v1/chat/rooms", new { name = "two", memberIds = Array.Empty<Guid>() });
        var thirdRoom = await Api.As(ann).PostAsJsonAsync("/api/v1/chat/rooms", new { name = "three", memberIds = Array.Empty<Guid>() });
        var bobsRoom = await Api.As(bob).PostAsJsonAsync("/api/v1/chat/rooms", new { name = "bob's", memberIds = Array.Empty<Guid>() });

        var edits = new List<HttpStatusCode>();
        for (var i = 0; i <= AbuseLimitFactory.PerUser; i++)
        {
            edits.Add((await Api.As(ann).PatchAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/messages/{message.Id}", new { text = $"edit {i}" })).StatusCode);
        }

        var reactionsUrl = $"/api/v1/chat/rooms/{room.Id}/messages/{message.Id}/reactions/";
        var reactions = new List<HttpStatusCode>
        {
            (await Api.As(ann).PutAsync(reactionsUrl + "%F0%9F%91%8D", null)).StatusCode,
            (await Api.As(ann).DeleteAsync(reactionsUrl + "%F0%9F%91%8D")).StatusCode,
            (await Api.As(ann).PutAsync(reactionsUrl + "%F0%9F%91%8D", null)).StatusCode,
        };
        var bobReacts = await Api.As(bob).PutAsync(reactionsUrl + "%F0%9F%91%8D", null);

        Assert.Equal(HttpStatusCode.Created, secondRoom.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, thirdRoom.StatusCode);
        Assert.Equal(RateLimitingExtensions.RateLimitedCode, (await Problem.ReadAsync(thirdRoom)).Code);
        Assert.Equal(HttpStatusCode.Created, bobsRoom.StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], edits);
        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.TooManyRequests], reactions);
        Assert.Equal(HttpStatusCode.NoContent, bobReacts.StatusCode);
    }

    [Fact]
    public async Task Uploads_are_limited_per_user()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var image = TestImages.Solid(64, 64, SkiaSharp.SKColors.Teal);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= AbuseLimitFactory.PerUser; i++)
        {
            statuses.Add((await Media.PostImageAsync(ann, image, "chat")).StatusCode);
        }

        var bobUploads = await Media.PostImageAsync(bob, image, "chat");

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Created, bobUploads.StatusCode);
    }

    [Fact]
    public async Task A_refused_caller_is_admitted_again_once_the_window_has_passed()
    {
        var ann = await Api.NewUserAsync("Ann");
        var lookup = $"/api/v1/users/{ann.Id}";

        // The window is short: on a slow machine it may pass between two calls, so call until one is refused.
        HttpResponseMessage? refused = null;
        for (var attempt = 0; attempt < 20 && refused is null; attempt++)
        {
            var response = await Api.As(ann).GetAsync(lookup);
            refused = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(refused);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), AbuseLimitFactory.SearchWindow);
        await Task.Delay(retryAfter.Value);
        Assert.Equal(HttpStatusCode.OK, (await Api.As(ann).GetAsync(lookup)).StatusCode);
    }

    private Task<HttpResponseMessage> RegisterFromAsync(string address, string email) =>
        SendFromAsync(address, "/api/v1/accounts/register",
            JsonSerializer.Serialize(new { email, password = AccountsApi.Password, displayName = "Limited" }));

    private Task<HttpResponseMessage> LoginFromAsync(string address, string json) => SendFromAsync(address, "/api/v1/accounts/login", json);

    private async Task<HttpResponseMessage> SendFromAsync(string address, string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add(ClientAddressFromHeader.Header, address);
        return await Api.Anonymous().SendAsync(request);
    }
}

/// <summary>The embedded default (no Redis) with a small registration limit: the counters are in memory.</summary>
public sealed class EmbeddedAbuseLimitFactory : EmbeddedChatAppFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting(RateLimitSettings.Key(RateLimitPolicies.Register, "PerAddress", "PermitLimit"), "2");
    }

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>();
}

public sealed class EmbeddedAbuseLimitTests(EmbeddedAbuseLimitFactory factory) : IntegrationTest<EmbeddedAbuseLimitFactory>(factory)
{
    [Fact]
    public async Task Without_Redis_the_limits_are_counted_in_memory()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accounts/register")
            {
                Content = JsonContent.Create(new { email = AccountsApi.UniqueEmail(), password = AccountsApi.Password, displayName = "Embedded" }),
            };
            request.Headers.Add(ClientAddressFromHeader.Header, "192.0.2.10");
            statuses.Add((await Api.Anonymous().SendAsync(request)).StatusCode);
        }

        Assert.Null(Factory.Services.GetService<IConnectionMultiplexer>());
        Assert.IsType<MemoryRateLimitCounterStore>(Factory.Services.GetRequiredService<IRateLimitCounterStore>());
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }
}
