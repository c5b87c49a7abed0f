using System.IdentityModel.Tokens.Jwt;
using System.Net;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts;

public sealed class LoginTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Theory]
    [InlineData("{\"email\":\"\\udc00@example.com\",\"password\":\"Wrong-Passw0rd\"}")] // a lone surrogate escape
    [InlineData("{\"email\":\"\\ufffe@example.com\",\"password\":\"Wrong-Passw0rd\"}")] // a noncharacter
    public async Task An_e_mail_that_is_not_valid_text_is_refused_without_a_server_error(string body)
    {
        // The abuse limiter reads the e-mail before the endpoint does: such a body once became a 500 there, unthrottled.
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await Api.Anonymous().PostAsync("/api/v1/accounts/login", content);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

        using var registration = new StringContent(body.Replace("\"password\"", "\"displayName\":\"Ann\",\"password\"", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");
        var registered = await Api.Anonymous().PostAsync("/api/v1/accounts/register", registration);
        Assert.True(registered.StatusCode == HttpStatusCode.BadRequest, $"{(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync()}");
    }

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
    public async Task A_known_and_an_unknown_email_answer_alike_on_every_attempt()
    {
        var known = AccountsApi.UniqueEmail();
        await Api.RegisterAsync(known);
        var unknown = AccountsApi.UniqueEmail();

        var knownAnswers = new List<Answer>();
        var unknownAnswers = new List<Answer>();
        for (var attempt = 1; attempt <= 7; attempt++)
        {
            knownAnswers.Add(await Answer.ReadAsync(await Api.PostLoginAsync(known, "Wrong-Passw0rd")));
            unknownAnswers.Add(await Answer.ReadAsync(await Api.PostLoginAsync(unknown, "Wrong-Passw0rd")));
        }

        var knownWithRightPassword = await Answer.ReadAsync(await Api.PostLoginAsync(known, AccountsApi.Password));

        var expected = Enumerable.Repeat(new Answer(HttpStatusCode.Unauthorized, "accounts.invalid_credentials", false), 4)
            .Concat(Enumerable.Repeat(new Answer(HttpStatusCode.TooManyRequests, "accounts.locked_out", true), 3));
        Assert.Equal(expected, knownAnswers);
        Assert.Equal(expected, unknownAnswers);
        Assert.Equal(new Answer(HttpStatusCode.TooManyRequests, "accounts.locked_out", true), knownWithRightPassword);
        // Retry-After counts down the same 15-minute lockout for both (a busy machine may take a few seconds for the loop).
        foreach (var (k, u) in knownAnswers.Zip(unknownAnswers).Where(pair => pair.First.HasRetryAfter))
        {
            Assert.InRange(k.RetryAfter, TimeSpan.FromSeconds(880), TimeSpan.FromSeconds(900));
            Assert.InRange(u.RetryAfter, TimeSpan.FromSeconds(880), TimeSpan.FromSeconds(900));
            Assert.InRange((k.RetryAfter - u.RetryAfter).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(5));
        }
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

    /// <summary>What a caller can tell from a sign-in answer: status, code, whether Retry-After is sent (and its value).</summary>
    private sealed record Answer(HttpStatusCode Status, string? Code, bool HasRetryAfter)
    {
        public TimeSpan RetryAfter { get; init; }

        public static async Task<Answer> ReadAsync(HttpResponseMessage response)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta;
            return new Answer(response.StatusCode, (await Problem.ReadAsync(response)).Code, retryAfter is not null) { RetryAfter = retryAfter ?? TimeSpan.Zero };
        }

        public bool Equals(Answer? other) => other is not null && Status == other.Status && Code == other.Code && HasRetryAfter == other.HasRetryAfter;

        public override int GetHashCode() => HashCode.Combine(Status, Code, HasRetryAfter);
    }
}
