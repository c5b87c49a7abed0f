using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Accounts.External.Fakes;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts.External;

/// <summary>Provider e-mails that match an account, linking, unlinking, listing sign-in methods and a first password.</summary>
public sealed class SignInMethodsTests(ExternalSignInFactory factory) : IntegrationTest<ExternalSignInFactory>(factory)
{
    private ExternalStandIns Providers => Factory.Providers;

    private ExternalApi External => new(Factory, Api);

    public override async Task InitializeAsync()
    {
        Providers.Reset();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task A_verified_provider_e_mail_of_an_existing_account_is_refused_until_the_owner_links_the_provider()
    {
        var owner = await Api.NewUserAsync("Owner");
        var nonce = Guid.NewGuid().ToString("N");
        var google = Providers.Google.Sign(Providers.Google.Claims(Guid.NewGuid().ToString("N"), nonce) with { Email = owner.Email, EmailVerified = true });

        await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("google", google, nonce), HttpStatusCode.Conflict, "accounts.external_account_exists");
        Assert.Equal(1, await External.UserCountAsync()); // the owner: nothing merged, nothing created

        // An unverified address proves nothing: that sign-in makes a separate account without it.
        var unverified = Providers.Kakao.IssueToken(Providers.Kakao.NewUserId(), "Someone", owner.Email, FakeKakaoApi.EmailState.Unverified);
        var other = await External.SignInAsync("kakao", unverified, expected: HttpStatusCode.Created);
        Assert.NotEqual(owner.Id, ExternalSignInTests.UserIdOf(other));

        var linked = await Api.As(owner).PostAsJsonAsync("/api/v1/accounts/me/logins/google", new { token = google, nonce, currentPassword = owner.Password });
        Assert.Equal(HttpStatusCode.NoContent, linked.StatusCode);
        var signedIn = await External.SignInAsync("google", google, nonce);
        Assert.Equal(owner.Id, ExternalSignInTests.UserIdOf(signedIn));

        var methods = await MethodsAsync(owner.Tokens.AccessToken);
        Assert.True(methods.GetProperty("hasPassword").GetBoolean());
        Assert.Equal(["google"], methods.GetProperty("logins").EnumerateArray().Select(l => l.GetProperty("provider").GetString()));
        Assert.Equal(["facebook", "kakao", "apple", "google"], methods.GetProperty("availableProviders").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task A_provider_identity_links_to_one_account_and_an_account_to_one_identity_per_provider()
    {
        var taken = Providers.Facebook.IssueToken("20001");
        await External.SignInAsync("facebook", taken, expected: HttpStatusCode.Created);
        var user = await Api.NewUserAsync();
        var client = Api.As(user);

        var response = await client.PostAsJsonAsync("/api/v1/accounts/me/logins/facebook", new { token = taken, currentPassword = user.Password });
        await ExternalApi.ExpectProblemAsync(response, HttpStatusCode.Conflict, "accounts.login_taken");

        var mine = Providers.Facebook.IssueToken("20002");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/accounts/me/logins/facebook", new { token = mine, currentPassword = user.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/accounts/me/logins/facebook", new { token = mine, currentPassword = user.Password })).StatusCode);
        response = await client.PostAsJsonAsync("/api/v1/accounts/me/logins/facebook", new { token = Providers.Facebook.IssueToken("20003"), currentPassword = user.Password });
        await ExternalApi.ExpectProblemAsync(response, HttpStatusCode.Conflict, "accounts.provider_already_linked");

        response = await client.PostAsJsonAsync("/api/v1/accounts/me/logins/facebook", new { token = "EAAbogus", currentPassword = user.Password });
        await ExternalApi.ExpectProblemAsync(response, HttpStatusCode.Unauthorized, "accounts.external_token_invalid");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Anonymous().PostAsJsonAsync("/api/v1/accounts/me/logins/facebook", new { token = mine })).StatusCode);
    }

    [Fact]
    public async Task An_identity_unlinked_from_its_account_signs_in_to_a_new_account()
    {
        // A: made by Facebook, then Kakao linked and Facebook unlinked.
        var a = await External.SignInAsync("facebook", Providers.Facebook.IssueToken("21001"), expected: HttpStatusCode.Created);
        var aClient = Api.As(a.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, (await aClient.PostAsJsonAsync("/api/v1/accounts/me/logins/kakao", new { token = Providers.Kakao.IssueToken(Providers.Kakao.NewUserId()) })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await aClient.DeleteAsync("/api/v1/accounts/me/logins/facebook")).StatusCode);

        var again = await External.SignInAsync("facebook", Providers.Facebook.IssueToken("21001"), expected: HttpStatusCode.Created);
        Assert.NotEqual(ExternalSignInTests.UserIdOf(a), ExternalSignInTests.UserIdOf(again));

        // B: a password account that linked Facebook, then unlinked it.
        var b = await Api.NewUserAsync();
        var bClient = Api.As(b);
        Assert.Equal(HttpStatusCode.NoContent, (await bClient.PostAsJsonAsync("/api/v1/accounts/me/logins/facebook", new { token = Providers.Facebook.IssueToken("21002"), currentPassword = b.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await bClient.DeleteAsync("/api/v1/accounts/me/logins/facebook")).StatusCode);

        var fresh = await External.SignInAsync("facebook", Providers.Facebook.IssueToken("21002"), expected: HttpStatusCode.Created);
        Assert.NotEqual(b.Id, ExternalSignInTests.UserIdOf(fresh));
    }

    [Fact]
    public async Task Linking_a_provider_needs_the_current_password_of_an_account_that_has_one()
    {
        var user = await Api.NewUserAsync();
        var client = Api.As(user);
        var token = Providers.Facebook.IssueToken("22001");

        var missing = await client.PostAsJsonAsync("/api/v1/accounts/me/logins/facebook", new { token });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["password"], (await Problem.ReadAsync(missing)).Errors.Keys);
        var wrong = await client.PostAsJsonAsync("/api/v1/accounts/me/logins/facebook", new { token, currentPassword = "Not-The-Passw0rd" });
        await ExternalApi.ExpectProblemAsync(wrong, HttpStatusCode.BadRequest, "accounts.incorrect_password");
        Assert.Equal(1, (await External.UserAsync(user.Id)).AccessFailedCount); // counts towards lockout
        Assert.Empty((await MethodsAsync(user.Tokens.AccessToken)).GetProperty("logins").EnumerateArray());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/accounts/me/logins/facebook", new { token, currentPassword = user.Password })).StatusCode);
    }

    [Fact]
    public async Task An_account_without_a_password_links_sets_a_password_and_deactivates_only_within_minutes_of_signing_in()
    {
        var email = AccountsApi.UniqueEmail();
        var kakaoId = Providers.Kakao.NewUserId();
        var old = await External.SignInAsync("kakao", Providers.Kakao.IssueToken(kakaoId, "Hana", email), expected: HttpStatusCode.Created);
        await External.AgeSessionAsync(old.SessionId, TimeSpan.FromMinutes(11));
        var stale = Api.As(old.AccessToken);
        const string Required = "accounts.reauthentication_required";

        await ExternalApi.ExpectProblemAsync(await stale.PostAsJsonAsync("/api/v1/accounts/me/logins/facebook", new { token = Providers.Facebook.IssueToken("23001") }), HttpStatusCode.Forbidden, Required);
        await ExternalApi.ExpectProblemAsync(await stale.PutAsJsonAsync("/api/v1/accounts/me/password", new { newPassword = "Fresh-Passw0rd" }), HttpStatusCode.Forbidden, Required);
        await ExternalApi.ExpectProblemAsync(await stale.PostAsJsonAsync("/api/v1/accounts/me/deactivate", new { }), HttpStatusCode.Forbidden, Required);
        var user = await External.UserAsync(ExternalSignInTests.UserIdOf(old));
        Assert.Null(user.PasswordHash);
        Assert.Null(user.DeactivatedAt);
        Assert.Equal(0, user.AccessFailedCount);

        // Signing in again with the provider makes a fresh session, which may.
        var fresh = Api.As((await External.SignInAsync("kakao", Providers.Kakao.IssueToken(kakaoId, "Hana", email))).AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, (await fresh.PostAsJsonAsync("/api/v1/accounts/me/logins/facebook", new { token = Providers.Facebook.IssueToken("23001") })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await fresh.PostAsJsonAsync("/api/v1/accounts/me/deactivate", new { })).StatusCode);
        Assert.NotNull((await External.UserAsync(user.Id)).DeactivatedAt);
    }

    [Fact]
    public async Task Unlinking_keeps_at_least_one_way_to_sign_in()
    {
        var email = AccountsApi.UniqueEmail();
        var kakaoToken = Providers.Kakao.IssueToken(Providers.Kakao.NewUserId(), "Yuna", email);
        var tokens = await External.SignInAsync("kakao", kakaoToken, expected: HttpStatusCode.Created);
        var client = Api.As(tokens.AccessToken);

        await ExternalApi.ExpectProblemAsync(await client.DeleteAsync("/api/v1/accounts/me/logins/kakao"), HttpStatusCode.Conflict, "accounts.last_sign_in_method");
        await ExternalApi.ExpectProblemAsync(await client.DeleteAsync("/api/v1/accounts/me/logins/apple"), HttpStatusCode.NotFound, "accounts.login_not_found");
        await ExternalApi.ExpectProblemAsync(await client.DeleteAsync("/api/v1/accounts/me/logins/myspace"), HttpStatusCode.NotFound, "accounts.unknown_provider");

        var facebook = Providers.Facebook.IssueToken("30001");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/accounts/me/logins/facebook", new { token = facebook })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/accounts/me/logins/kakao")).StatusCode);
        var methods = await MethodsAsync(tokens.AccessToken);
        Assert.False(methods.GetProperty("hasPassword").GetBoolean());
        Assert.Equal(["facebook"], methods.GetProperty("logins").EnumerateArray().Select(l => l.GetProperty("provider").GetString()));
        await ExternalApi.ExpectProblemAsync(await client.DeleteAsync("/api/v1/accounts/me/logins/facebook"), HttpStatusCode.Conflict, "accounts.last_sign_in_method");

        // The unlinked Kakao identity no longer signs in to this account (it would make a new one, refused for the e-mail).
        await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("kakao", kakaoToken), HttpStatusCode.Conflict, "accounts.external_account_exists");

        // With a password (and the e-mail it goes with) the last provider can go.
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/v1/accounts/me/password", new { newPassword = "Fresh-Passw0rd" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/accounts/me/logins/facebook")).StatusCode);
        methods = await MethodsAsync(tokens.AccessToken);
        Assert.True(methods.GetProperty("hasPassword").GetBoolean());
        Assert.Empty(methods.GetProperty("logins").EnumerateArray());
        await Api.LoginAsync(email, "Fresh-Passw0rd");
    }

    [Fact]
    public async Task A_first_password_needs_an_e_mail_and_no_password_yet()
    {
        var facebookOnly = await External.SignInAsync("facebook", Providers.Facebook.IssueToken("40001"), expected: HttpStatusCode.Created);
        var response = await Api.As(facebookOnly.AccessToken).PutAsJsonAsync("/api/v1/accounts/me/password", new { newPassword = "Fresh-Passw0rd" });
        await ExternalApi.ExpectProblemAsync(response, HttpStatusCode.Conflict, "accounts.email_required");

        var user = await Api.NewUserAsync();
        response = await Api.As(user).PutAsJsonAsync("/api/v1/accounts/me/password", new { newPassword = "Fresh-Passw0rd" });
        await ExternalApi.ExpectProblemAsync(response, HttpStatusCode.Conflict, "accounts.password_already_set");

        var kakao = await External.SignInAsync("kakao", Providers.Kakao.IssueToken(Providers.Kakao.NewUserId(), "Bo", AccountsApi.UniqueEmail()), expected: HttpStatusCode.Created);
        response = await Api.As(kakao.AccessToken).PutAsJsonAsync("/api/v1/accounts/me/password", new { newPassword = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("newPassword", (await Problem.ReadAsync(response)).Errors.Keys);
    }

    [Fact]
    public async Task A_password_sign_in_to_an_account_without_a_password_fails_like_a_wrong_password()
    {
        var email = AccountsApi.UniqueEmail();
        await External.SignInAsync("kakao", Providers.Kakao.IssueToken(Providers.Kakao.NewUserId(), "Min", email), expected: HttpStatusCode.Created);
        var registered = await Api.NewUserAsync();

        var noPassword = await Api.PostLoginAsync(email, "Wrong-Passw0rd");
        var wrongPassword = await Api.PostLoginAsync(registered.Email, "Wrong-Passw0rd");

        var first = await Problem.ReadAsync(noPassword);
        var second = await Problem.ReadAsync(wrongPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, noPassword.StatusCode);
        Assert.Equal(first with { Errors = second.Errors }, second);
    }

    [Fact]
    public async Task A_deactivated_account_is_reactivated_by_signing_in_with_its_provider()
    {
        var kakaoId = Providers.Kakao.NewUserId();
        var email = AccountsApi.UniqueEmail();
        var tokens = await External.SignInAsync("kakao", Providers.Kakao.IssueToken(kakaoId, "Ara", email), expected: HttpStatusCode.Created);
        var client = Api.As(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/v1/accounts/me/password", new { newPassword = "Fresh-Passw0rd" })).StatusCode);
        var deactivated = await client.PostAsJsonAsync("/api/v1/accounts/me/deactivate", new { password = "Fresh-Passw0rd" });
        Assert.True(deactivated.IsSuccessStatusCode, $"{(int)deactivated.StatusCode}");
        Assert.NotNull((await External.UserAsync(ExternalSignInTests.UserIdOf(tokens))).DeactivatedAt);

        var again = await External.SignInAsync("kakao", Providers.Kakao.IssueToken(kakaoId, "Ara", email));

        Assert.Equal(ExternalSignInTests.UserIdOf(tokens), ExternalSignInTests.UserIdOf(again));
        Assert.Null((await External.UserAsync(ExternalSignInTests.UserIdOf(tokens))).DeactivatedAt);
    }

    private async Task<JsonElement> MethodsAsync(string accessToken)
    {
        var response = await Api.As(accessToken).GetAsync("/api/v1/accounts/me/logins");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
