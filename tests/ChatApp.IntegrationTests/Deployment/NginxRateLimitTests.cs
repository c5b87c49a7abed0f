using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Deployment;

/// <summary>
/// Behind nginx the abuse limits count per client address, the one nginx saw (clients here connect from 127.0.0.2 and
/// 127.0.0.3), not per nginx's own address, and across both instances; a client cannot pick its address with a forged
/// <c>X-Forwarded-For</c>.
/// </summary>
public sealed class NginxRateLimitTests
{
    private const int PerAddress = 3;
    private static readonly IPAddress First = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Second = IPAddress.Parse("127.0.0.3");

    [Fact]
    public async Task Register_and_login_limits_count_the_address_nginx_saw_not_nginx_and_a_forged_X_Forwarded_For_does_not_help()
    {
        var limit = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var deployment = await NginxDeployment.StartAsync("limits", new Dictionary<string, string>
        {
            ["RateLimits__register__PerAddress__PermitLimit"] = limit,
            ["RateLimits__login__PerAddress__PermitLimit"] = limit,
        });
        using var fromFirst = deployment.Client(First);
        using var fromSecond = deployment.Client(Second);

        // Registering: three from 127.0.0.2 (nginx spreads them over both instances, which share the count), then no more.
        var emails = new List<string>();
        for (var i = 0; i < PerAddress; i++)
        {
            emails.Add(AccountsApi.UniqueEmail());
            using var registered = await RegisterAsync(fromFirst, emails[^1]);
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        await AssertLimitedAsync(await RegisterAsync(fromFirst, AccountsApi.UniqueEmail()));
        await AssertLimitedAsync(await RegisterAsync(fromFirst, AccountsApi.UniqueEmail(), forgedFor: "198.51.100.23"));
        using (var other = await RegisterAsync(fromSecond, AccountsApi.UniqueEmail()))
        {
            Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        }

        // Signing in: the same, per address.
        for (var i = 0; i < PerAddress; i++)
        {
            using var login = await LoginAsync(fromFirst, emails[i]);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        await AssertLimitedAsync(await LoginAsync(fromFirst, emails[0]));
        await AssertLimitedAsync(await LoginAsync(fromFirst, emails[0], forgedFor: "198.51.100.23"));
        using (var other = await LoginAsync(fromSecond, emails[0]))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        // Both instances took part: the count is the deployment's, not one instance's.
        await Eventually.Async(() => Task.FromResult(NginxDeployment.Requests(deployment.A, "POST", "/api/v1/accounts/register") > 0
            && NginxDeployment.Requests(deployment.B, "POST", "/api/v1/accounts/register") > 0), TimeSpan.FromSeconds(30), "both instances log registrations");
    }

    private static async Task AssertLimitedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Equal("rate_limited", (await Problem.ReadAsync(response)).Code);
        }
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string? forgedFor = null) =>
        SendAsync(client, "/api/v1/accounts/register", new { email, password = AccountsApi.Password, displayName = "Behind nginx" }, forgedFor);

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string? forgedFor = null) =>
        SendAsync(client, "/api/v1/accounts/login", new { email, password = AccountsApi.Password }, forgedFor);

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, object body, string? forgedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (forgedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forgedFor);
        }

        return client.SendAsync(request);
    }
}
