using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts.Email;

/// <summary>The e-mail routes as the app calls them.</summary>
internal sealed class EmailApi(AccountsApi api)
{
    public Task<HttpResponseMessage> VerifyAsync(string email, string token) =>
        api.Anonymous().PostAsJsonAsync("/api/v1/accounts/email/verify", new { email, token });

    public Task<HttpResponseMessage> ResendAsync(string accessToken) =>
        api.As(accessToken).PostAsync("/api/v1/accounts/me/email/verification", null);

    public Task<HttpResponseMessage> ForgotAsync(string email) =>
        api.Anonymous().PostAsJsonAsync("/api/v1/accounts/password/forgot", new { email });

    public Task<HttpResponseMessage> ResetAsync(string email, string token, string newPassword) =>
        api.Anonymous().PostAsJsonAsync("/api/v1/accounts/password/reset", new { email, token, newPassword });

    public Task<HttpResponseMessage> ChangeAsync(string accessToken, string newEmail, string password) =>
        api.As(accessToken).PostAsJsonAsync("/api/v1/accounts/me/email", new { newEmail, password });

    public Task<HttpResponseMessage> ConfirmAsync(string accessToken, string token) =>
        api.As(accessToken).PostAsJsonAsync("/api/v1/accounts/me/email/confirm", new { token });

    public async Task<JsonElement> ProfileAsync(string accessToken)
    {
        var response = await api.As(accessToken).GetAsync("/api/v1/accounts/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Asserts the one answer every bad token gets.</summary>
    public static async Task AssertTokenInvalidAsync(HttpResponseMessage response)
    {
        var problem = await Problem.ReadAsync(response);
        Assert.Equal(400, problem.Status);
        Assert.Equal("accounts.token_invalid", problem.Code);
    }
}
