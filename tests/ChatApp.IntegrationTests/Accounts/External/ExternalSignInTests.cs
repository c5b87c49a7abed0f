using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Accounts.External.Fakes;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts.External;

/// <summary>Signing in with each provider through its stand-in: creation, the next sign-in, refusals and outages.</summary>
public sealed class ExternalSignInTests(ExternalSignInFactory factory) : IntegrationTest<ExternalSignInFactory>(factory)
{
    private const string InvalidToken = "accounts.external_token_invalid";
    private const string Unavailable = "accounts.provider_unavailable";

    private ExternalStandIns Providers => Factory.Providers;

    private ExternalApi External => new(Factory, Api);

    public override async Task InitializeAsync()
    {
        Providers.Reset();
        await base.InitializeAsync();
    }

    internal static Guid UserIdOf(Tokens tokens) => Guid.Parse(new JwtSecurityTokenHandler().ReadJwtToken(tokens.AccessToken).Subject);

    [Fact]
    public async Task Facebook_first_sign_in_creates_the_account_and_the_next_signs_in_to_it()
    {
        var first = await External.SignInAsync("facebook", Providers.Facebook.IssueToken("10001", "Minji Park"), expected: HttpStatusCode.Created);
        var second = await External.SignInAsync("facebook", Providers.Facebook.IssueToken("10001", "Minji Park"));

        var id = UserIdOf(first);
        Assert.Equal(id, UserIdOf(second));
        Assert.NotEqual(first.SessionId, second.SessionId);
        var user = await External.UserAsync(id);
        Assert.Equal("Minji Park", user.DisplayName);
        Assert.Equal($"ext:{id:N}", user.UserName);
        Assert.Null(user.Email); // Facebook never vouches for an address
        Assert.Null(user.PasswordHash);
        Assert.Equal(1, await External.UserCountAsync());
        Assert.Equal(1, await External.RegisteredEventCountAsync(id));
        Assert.Empty(Providers.Facebook.Refused.All); // app token and appsecret_proof were right

        var me = await Api.As(second.AccessToken).GetAsync("/api/v1/accounts/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var refreshed = await Api.RefreshAsync(second.RefreshToken);
        Assert.Equal(second.SessionId, refreshed.SessionId);
    }

    [Fact]
    public async Task Facebook_tokens_that_are_bogus_expired_or_of_another_app_are_refused()
    {
        foreach (var token in new[] { "EAAbogus", Providers.Facebook.IssueExpiredToken("10002"), Providers.Facebook.IssueTokenOfOtherApp("10003") })
        {
            await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("facebook", token), HttpStatusCode.Unauthorized, InvalidToken);
        }

        Assert.Equal(0, await External.UserCountAsync());
    }

    [Theory]
    [InlineData(FakeFacebookGraph.Faults.Code2)]
    [InlineData(FakeFacebookGraph.Faults.Code4)]
    [InlineData(FakeFacebookGraph.Faults.Http500)]
    [InlineData(FakeFacebookGraph.Faults.Slow)]
    public async Task Facebook_faults_and_timeouts_answer_503_and_create_nothing(FakeFacebookGraph.Faults fault)
    {
        var token = Providers.Facebook.IssueToken("10004");
        Providers.Facebook.Fault = fault;

        var response = await External.PostSignInAsync("facebook", token);

        await ExternalApi.ExpectProblemAsync(response, HttpStatusCode.ServiceUnavailable, Unavailable);
        Assert.Equal(0, await External.UserCountAsync());
        Providers.Facebook.Fault = FakeFacebookGraph.Faults.None;
        await External.SignInAsync("facebook", token, expected: HttpStatusCode.Created);
    }

    [Fact]
    public async Task Simultaneous_first_sign_ins_ask_the_provider_once_each_even_when_one_runs_again()
    {
        Providers.Facebook.HoldDebugTokenCalls(2);
        var before = Providers.Facebook.Requests;

        // Both pass the provider at the same moment; one makes the account, the other meets it and runs again. The
        // provider was asked before the transaction, so the rerun does not ask it again (debug_token + me, per sign-in).
        var responses = await Task.WhenAll(
            External.PostSignInAsync("facebook", Providers.Facebook.IssueToken("10009")),
            External.PostSignInAsync("facebook", Providers.Facebook.IssueToken("10009")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Created], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(4, Providers.Facebook.Requests - before);
        Assert.Equal(1, await External.UserCountAsync());
    }

    [Fact]
    public async Task Kakao_first_sign_in_creates_the_account_with_its_verified_e_mail_and_the_next_signs_in_to_it()
    {
        var kakaoId = Providers.Kakao.NewUserId();
        var email = AccountsApi.UniqueEmail();
        var first = await External.SignInAsync("kakao", Providers.Kakao.IssueToken(kakaoId, "김민지", email), expected: HttpStatusCode.Created);
        var second = await External.SignInAsync("kakao", Providers.Kakao.IssueToken(kakaoId, "김민지", email));

        var id = UserIdOf(first);
        Assert.Equal(id, UserIdOf(second));
        var user = await External.UserAsync(id);
        Assert.Equal("김민지", user.DisplayName);
        Assert.Equal($"김민지\u001Fㄱㅁㅈ\u001F{id:N}", user.NameSearchKey); // found by people search (ADR 0023 part P)
        Assert.Equal(email, user.Email);
        Assert.True(user.EmailConfirmed);
        Assert.Equal($"ext:{id:N}", user.UserName);
    }

    [Theory]
    [InlineData(FakeKakaoApi.EmailState.Unverified)]
    [InlineData(FakeKakaoApi.EmailState.NeedsAgreement)]
    public async Task A_Kakao_e_mail_that_is_not_verified_is_not_kept(FakeKakaoApi.EmailState state)
    {
        var tokens = await External.SignInAsync("kakao", Providers.Kakao.IssueToken(Providers.Kakao.NewUserId(), "Jisoo", AccountsApi.UniqueEmail(), state), expected: HttpStatusCode.Created);

        var user = await External.UserAsync(UserIdOf(tokens));
        Assert.Null(user.Email);
        Assert.False(user.EmailConfirmed);
    }

    [Fact]
    public async Task Kakao_tokens_that_are_bogus_expired_or_of_another_app_are_refused()
    {
        foreach (var token in new[] { "bogus", Providers.Kakao.IssueExpiredToken(Providers.Kakao.NewUserId()), Providers.Kakao.IssueTokenOfOtherApp(Providers.Kakao.NewUserId()) })
        {
            await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("kakao", token), HttpStatusCode.Unauthorized, InvalidToken);
        }

        Assert.Equal(0, await External.UserCountAsync());
    }

    [Theory]
    [InlineData(FakeFacebookGraph.Tampers.PageToken)]
    [InlineData(FakeFacebookGraph.Tampers.MeIsAnotherUser)]
    [InlineData(FakeFacebookGraph.Tampers.ExpiresAtPassed)]
    public async Task Facebook_answers_that_fail_one_of_our_checks_are_refused(FakeFacebookGraph.Tampers tamper)
    {
        var token = Providers.Facebook.IssueToken("10041");
        Providers.Facebook.Tamper = tamper;

        await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("facebook", token), HttpStatusCode.Unauthorized, InvalidToken);
        Assert.Equal(0, await External.UserCountAsync());
    }

    [Fact]
    public async Task A_Kakao_user_me_of_another_user_than_the_token_info_is_refused()
    {
        Providers.Kakao.MeIsAnotherUser = true;

        await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("kakao", Providers.Kakao.IssueToken(Providers.Kakao.NewUserId())), HttpStatusCode.Unauthorized, InvalidToken);
        Assert.Equal(0, await External.UserCountAsync());
    }

    [Theory]
    [InlineData(FakeKakaoApi.Faults.InternalError)]
    [InlineData(FakeKakaoApi.Faults.ServiceCheck)]
    [InlineData(FakeKakaoApi.Faults.Slow)]
    [InlineData(FakeKakaoApi.Faults.QuotaExceeded)]
    [InlineData(FakeKakaoApi.Faults.Maintenance)]
    [InlineData(FakeKakaoApi.Faults.TooManyRequests)]
    [InlineData(FakeKakaoApi.Faults.AppConfig)]
    [InlineData(FakeKakaoApi.Faults.AppPermission)]
    [InlineData(FakeKakaoApi.Faults.AppSuspended)]
    public async Task Kakao_faults_and_timeouts_answer_503_and_create_nothing(FakeKakaoApi.Faults fault)
    {
        var token = Providers.Kakao.IssueToken(Providers.Kakao.NewUserId());
        Providers.Kakao.Fault = fault;

        await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("kakao", token), HttpStatusCode.ServiceUnavailable, Unavailable);

        Assert.Equal(0, await External.UserCountAsync());
    }

    [Fact]
    public async Task Apple_takes_the_name_from_the_first_sign_in_body_and_checks_the_hashed_nonce()
    {
        var apple = Providers.Apple;
        var relay = $"{Guid.NewGuid():N}@privaterelay.appleid.com";
        var subject = "001234." + Guid.NewGuid().ToString("N");
        var nonce = Guid.NewGuid().ToString("N");
        var claims = apple.Claims(subject, FakeOpenIdProvider.Sha256Hex(nonce)) with { Email = relay, EmailVerified = "true" };

        var first = await External.SignInAsync("apple", apple.Sign(claims), nonce, name: "Seo-yeon Lee", expected: HttpStatusCode.Created);
        var nonce2 = Guid.NewGuid().ToString("N");
        var second = await External.SignInAsync("apple", apple.Sign(claims with { Nonce = FakeOpenIdProvider.Sha256Hex(nonce2) }), nonce2, name: "Someone Else");

        Assert.Equal(UserIdOf(first), UserIdOf(second));
        var user = await External.UserAsync(UserIdOf(first));
        Assert.Equal("Seo-yeon Lee", user.DisplayName); // the name of the first sign-in; later ones do not rename
        Assert.Equal(relay, user.Email); // a private relay address is a real, verified address
        Assert.True(user.EmailConfirmed);
    }

    [Fact]
    public async Task Apple_accepts_each_configured_client_id_as_audience()
    {
        var apple = Providers.Apple;
        var nonce = "n-" + Guid.NewGuid().ToString("N");
        var hashed = FakeOpenIdProvider.Sha256Hex(nonce);

        await External.SignInAsync("apple", apple.Sign(apple.Claims("web." + Guid.NewGuid().ToString("N"), hashed) with { Audience = ExternalStandIns.AppleServicesId }), nonce, expected: HttpStatusCode.Created);
        await External.SignInAsync("apple", apple.Sign(apple.Claims("multi." + Guid.NewGuid().ToString("N"), hashed) with { Audience = new[] { "com.someone.else", ExternalStandIns.AppleBundleId } }), nonce, expected: HttpStatusCode.Created);

        var user = await External.UserAsync(UserIdOf(await External.SignInAsync("apple", apple.Sign(apple.Claims("nameless." + Guid.NewGuid().ToString("N"), hashed)), nonce, expected: HttpStatusCode.Created)));
        Assert.Null(user.Email);
        Assert.False(string.IsNullOrWhiteSpace(user.DisplayName)); // no name anywhere: a placeholder the user can change
    }

    [Fact]
    public async Task Apple_tokens_that_fail_any_check_are_refused_and_create_nothing()
    {
        var apple = Providers.Apple;
        var nonce = Guid.NewGuid().ToString("N");
        var valid = apple.Claims("refused." + Guid.NewGuid().ToString("N"), FakeOpenIdProvider.Sha256Hex(nonce));
        var cases = new (string What, string Token, string? Nonce)[]
        {
            ("not a JWT", "not-a-jwt", nonce),
            ("another audience", apple.Sign(valid with { Audience = "com.someone.else" }), nonce),
            ("another issuer", apple.Sign(valid with { Issuer = "https://evil.example.com" }), nonce),
            ("expired", apple.Sign(valid with { Expires = DateTimeOffset.UtcNow.AddMinutes(-5) }), nonce),
            ("alg none", apple.Unsigned(valid), nonce),
            ("HS256", apple.SignHs256(valid), nonce),
            ("same kid, another key", apple.SignWithForeignKey(valid), nonce),
            ("raw nonce in the token", apple.Sign(valid with { Nonce = nonce }), nonce),
            ("wrong nonce sent", apple.Sign(valid), "another-nonce"),
            ("no nonce sent", apple.Sign(valid), null),
            ("no nonce in the token", apple.Sign(valid with { Nonce = null }), nonce),
        };

        foreach (var (what, token, sent) in cases)
        {
            var response = await External.PostSignInAsync("apple", token, sent);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(InvalidToken, (await Problem.ReadAsync(response)).Code);
        }

        Assert.Equal(0, await External.UserCountAsync());
        await External.SignInAsync("apple", apple.Sign(valid), nonce, expected: HttpStatusCode.Created);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData("true", true)]
    [InlineData(false, false)]
    [InlineData("false", false)]
    public async Task Google_keeps_the_e_mail_only_when_email_verified_is_true(object verified, bool kept)
    {
        var google = Providers.Google;
        var email = AccountsApi.UniqueEmail();
        var nonce = Guid.NewGuid().ToString("N");
        var claims = google.Claims(Guid.NewGuid().ToString("N"), nonce) with { Email = email, EmailVerified = verified, Name = "Hana Choi" };

        var first = await External.SignInAsync("google", google.Sign(claims), nonce, expected: HttpStatusCode.Created);
        var second = await External.SignInAsync("google", google.Sign(claims), nonce);

        Assert.Equal(UserIdOf(first), UserIdOf(second));
        var user = await External.UserAsync(UserIdOf(first));
        Assert.Equal("Hana Choi", user.DisplayName);
        Assert.Equal(kept ? email : null, user.Email);
        Assert.Equal(kept, user.EmailConfirmed);
    }

    [Fact]
    public async Task Google_tokens_for_another_audience_or_expired_are_refused()
    {
        var google = Providers.Google;
        var nonce = Guid.NewGuid().ToString("N");
        var otherAudience = google.Sign(google.Claims(Guid.NewGuid().ToString("N"), nonce) with { Audience = "999-other.apps.googleusercontent.com" });
        var expired = google.Sign(google.Claims(Guid.NewGuid().ToString("N"), nonce) with { Expires = DateTimeOffset.UtcNow.AddMinutes(-10) });

        await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("google", otherAudience, nonce), HttpStatusCode.Unauthorized, InvalidToken);
        await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("google", expired, nonce), HttpStatusCode.Unauthorized, InvalidToken);
        Assert.Equal(0, await External.UserCountAsync());
    }

    [Fact]
    public async Task Linking_while_the_provider_is_down_is_503_and_links_nothing()
    {
        var tokens = await External.SignInAsync("kakao", Providers.Kakao.IssueToken(Providers.Kakao.NewUserId()), expected: HttpStatusCode.Created);
        var token = Providers.Facebook.IssueToken("10031");
        Providers.Facebook.Fault = FakeFacebookGraph.Faults.Http500;

        var response = await Api.As(tokens.AccessToken).PostAsJsonAsync("/api/v1/accounts/me/logins/facebook", new { token });

        await ExternalApi.ExpectProblemAsync(response, HttpStatusCode.ServiceUnavailable, Unavailable);
        Providers.Facebook.Fault = FakeFacebookGraph.Faults.None;
        await External.SignInAsync("facebook", token, expected: HttpStatusCode.Created); // still nobody's: a new account
    }

    [Fact]
    public async Task Google_accepts_both_issuer_spellings_and_wants_the_nonce_as_passed()
    {
        var google = Providers.Google;
        var nonce = Guid.NewGuid().ToString("N");

        await External.SignInAsync("google", google.Sign(google.Claims(Guid.NewGuid().ToString("N"), nonce) with { Issuer = "accounts.google.com" }), nonce, expected: HttpStatusCode.Created);

        var hashed = google.Sign(google.Claims(Guid.NewGuid().ToString("N"), FakeOpenIdProvider.Sha256Hex(nonce)));
        await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("google", hashed, nonce), HttpStatusCode.Unauthorized, InvalidToken);
        var appleIssuer = google.Sign(google.Claims(Guid.NewGuid().ToString("N"), nonce) with { Issuer = "https://appleid.apple.com" });
        await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("google", appleIssuer, nonce), HttpStatusCode.Unauthorized, InvalidToken);
        var appleToken = Providers.Apple.Sign(Providers.Apple.Claims(Guid.NewGuid().ToString("N"), nonce));
        await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("google", appleToken, nonce), HttpStatusCode.Unauthorized, InvalidToken);
    }

    [Fact]
    public async Task Simultaneous_first_sign_ins_of_one_person_make_one_account()
    {
        var kakaoId = Providers.Kakao.NewUserId();
        var email = AccountsApi.UniqueEmail();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => External.PostSignInAsync("kakao", Providers.Kakao.IssueToken(kakaoId, "Dami", email))));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.True(statuses.Count(s => s == HttpStatusCode.Created) == 1 && statuses.Count(s => s == HttpStatusCode.OK) == 3, string.Join(", ", statuses));
        Assert.Equal(1, await External.UserCountAsync());
    }

    [Fact]
    public async Task A_provider_outage_answer_says_when_to_retry()
    {
        Providers.Kakao.Fault = FakeKakaoApi.Faults.ServiceCheck;

        var response = await External.PostSignInAsync("kakao", Providers.Kakao.IssueToken(Providers.Kakao.NewUserId()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task An_unknown_provider_is_404_and_an_empty_token_is_400()
    {
        await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("myspace", "token"), HttpStatusCode.NotFound, "accounts.unknown_provider");
        var empty = await External.PostSignInAsync("google", "", "nonce");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("token", (await Problem.ReadAsync(empty)).Errors.Keys, StringComparer.OrdinalIgnoreCase);
    }
}
