using System.IdentityModel.Tokens.Jwt;
using System.Net;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts;

public sealed class LoginTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task Signing_in_returns_a_15_minute_access_token_and_a_refresh_token_bound_to_a_session()
    {
        var email = AccountsApi.UniqueEmail();
        var id = await Api.RegisterAsync(email, displayName: "Ann");

        var tokens = await Api.LoginAsync(email, deviceName: "Pixel 8");

        Assert.Equal("Bearer", tokens.TokenType);
        Assert.False(string.IsNullOrWhiteSpace(tokens.RefreshToken));
        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(tokens.AccessToken);
        Assert.Equal(id.ToString(), jwt.Subject);
        Assert.Equal(tokens.SessionId.ToString(), jwt.Claims.Single(c => c.Type == "sid").Value);
        Assert.Equal("Ann", jwt.Claims.Single(c => c.Type == "name").Value);
        var lifetime = jwt.ValidTo - jwt.IssuedAt;
        Assert.InRange(lifetime.TotalMinutes, 14.9, 15.1);
        Assert.InRange((tokens.AccessTokenExpiresAt - jwt.ValidTo).Duration().TotalSeconds, 0, 1);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_give_the_same_401()
    {
        var email = AccountsApi.UniqueEmail();
        await Api.RegisterAsync(email);

        var wrongPassword = await Api.PostLoginAsync(email, "Wrong-Passw0rd");
        var unknownEmail = await Api.PostLoginAsync(AccountsApi.UniqueEmail(), "Wrong-Passw0rd");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        var first = await Problem.ReadAsync(wrongPassword);
        var second = await Problem.ReadAsync(unknownEmail);
        Assert.Equal(first with { Errors = second.Errors }, second);
        Assert.Equal("accounts.invalid_credentials", first.Code);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_so_even_the_right_password_is_refused()
    {
        var email = AccountsApi.UniqueEmail();
        await Api.RegisterAsync(email);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostLoginAsync(email, "Wrong-Passw0rd")).StatusCode);
        }

        var fifth = await Api.PostLoginAsync(email, "Wrong-Passw0rd");
        var rightPassword = await Api.PostLoginAsync(email, AccountsApi.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightPassword.StatusCode);
        Assert.Equal("accounts.locked_out", (await Problem.ReadAsync(rightPassword)).Code);
    }

    [Fact]
    public async Task An_unknown_email_locks_out_after_the_same_number_of_failures()
    {
        var email = AccountsApi.UniqueEmail();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            statuses.Add((await Api.PostLoginAsync(email, "Wrong-Passw0rd")).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5).Append(HttpStatusCode.TooManyRequests), statuses);
    }

    [Fact]
    public async Task A_success_before_the_limit_resets_the_failure_count()
    {
        var email = AccountsApi.UniqueEmail();
        await Api.RegisterAsync(email);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await Api.PostLoginAsync(email, "Wrong-Passw0rd");
        }

        await Api.LoginAsync(email);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostLoginAsync(email, "Wrong-Passw0rd")).StatusCode);
        }

        await Api.LoginAsync(email);
    }

    [Fact]
    public async Task Missing_fields_are_a_400_listing_them()
    {
        var response = await Api.PostLoginAsync("", "");

        var problem = await Problem.ReadAsync(response);
        Assert.Equal(400, problem.Status);
        Assert.Equal(["email", "password"], problem.Errors.Keys.Order());
    }
}
