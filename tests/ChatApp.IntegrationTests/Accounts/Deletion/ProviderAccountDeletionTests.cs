using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Accounts.External;
using ChatApp.IntegrationTests.Accounts.External.Fakes;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts.Deletion;

/// <summary>
/// An account made by a provider (no password) deleted end to end with the real verifier: the fresh token goes to the
/// provider's stand-in, exactly as a sign-in does.
/// </summary>
public sealed class ProviderAccountDeletionTests(ExternalSignInFactory factory) : IntegrationTest<ExternalSignInFactory>(factory)
{
    private ExternalStandIns Providers => Factory.Providers;

    private ExternalApi External => new(Factory, Api);

    public override async Task InitializeAsync()
    {
        Providers.Reset();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task A_Kakao_account_is_deleted_with_a_fresh_Kakao_token_and_the_identity_can_start_over()
    {
        var kakaoId = Providers.Kakao.NewUserId();
        var tokens = await External.SignInAsync("kakao", Providers.Kakao.IssueToken(kakaoId, "탈퇴할 사람"), expected: HttpStatusCode.Created);
        var userId = ExternalSignInTests.UserIdOf(tokens);

        var withoutConfirmation = await DeleteMeAsync(tokens.AccessToken, new { });
        var bogus = await DeleteMeAsync(tokens.AccessToken, new { provider = "kakao", token = "bogus" });
        var someoneElse = await DeleteMeAsync(tokens.AccessToken, new { provider = "kakao", token = Providers.Kakao.IssueToken(Providers.Kakao.NewUserId()) });
        var otherProvider = await DeleteMeAsync(tokens.AccessToken, new { provider = "facebook", token = Providers.Facebook.IssueToken("77001", "Not linked") });
        Assert.Equal((HttpStatusCode.BadRequest, "accounts.provider_token_required"), (withoutConfirmation.StatusCode, (await Problem.ReadAsync(withoutConfirmation)).Code));
        Assert.Equal((HttpStatusCode.Unauthorized, "accounts.external_token_invalid"), (bogus.StatusCode, (await Problem.ReadAsync(bogus)).Code));
        Assert.Equal((HttpStatusCode.Forbidden, "accounts.external_login_mismatch"), (someoneElse.StatusCode, (await Problem.ReadAsync(someoneElse)).Code));
        Assert.Equal((HttpStatusCode.Forbidden, "accounts.external_login_mismatch"), (otherProvider.StatusCode, (await Problem.ReadAsync(otherProvider)).Code));
        Assert.Equal(HttpStatusCode.OK, (await Api.As(tokens.AccessToken).GetAsync("/api/v1/accounts/me")).StatusCode);

        Providers.Kakao.Fault = FakeKakaoApi.Faults.InternalError;
        var providerDown = await DeleteMeAsync(tokens.AccessToken, new { provider = "kakao", token = Providers.Kakao.IssueToken(kakaoId) });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, providerDown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.As(tokens.AccessToken).GetAsync("/api/v1/accounts/me")).StatusCode);
        Providers.Kakao.Reset();

        // A provider token alone is not enough on a session signed in long ago (SDKs keep tokens for months).
        await External.AgeSessionAsync(tokens.SessionId, TimeSpan.FromHours(1));
        var stale = await DeleteMeAsync(tokens.AccessToken, new { provider = "kakao", token = Providers.Kakao.IssueToken(kakaoId) });
        Assert.Equal((HttpStatusCode.Forbidden, "accounts.reauthentication_required"), (stale.StatusCode, (await Problem.ReadAsync(stale)).Code));
        Assert.Equal(HttpStatusCode.OK, (await Api.As(tokens.AccessToken).GetAsync("/api/v1/accounts/me")).StatusCode);

        var fresh = await External.SignInAsync("kakao", Providers.Kakao.IssueToken(kakaoId));
        var deleted = await DeleteMeAsync(fresh.AccessToken, new { provider = "kakao", token = Providers.Kakao.IssueToken(kakaoId) });
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.As(tokens.AccessToken).GetAsync("/api/v1/accounts/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.As(fresh.AccessToken).GetAsync("/api/v1/accounts/me")).StatusCode);

        // The identity was unlinked with the account: the same Kakao user signing in again starts a new account.
        var again = await External.SignInAsync("kakao", Providers.Kakao.IssueToken(kakaoId, "다시 온 사람"), expected: HttpStatusCode.Created);
        Assert.NotEqual(userId, ExternalSignInTests.UserIdOf(again));
    }

    private async Task<HttpResponseMessage> DeleteMeAsync(string accessToken, object body) =>
        await Api.As(accessToken).SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/accounts/me") { Content = JsonContent.Create(body) });
}
