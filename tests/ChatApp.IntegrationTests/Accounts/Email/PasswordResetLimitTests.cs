using System.Globalization;
using System.Net;
using ChatApp.BuildingBlocks.RateLimiting;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ChatApp.IntegrationTests.Accounts.Email;

/// <summary>A host where the email-send and email-token limits allow two requests per account an hour.</summary>
public sealed class PasswordResetLimitFactory : ChatAppFactory
{
    public const int PerAccount = 2;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        foreach (var policy in new[] { RateLimitPolicies.EmailSend, RateLimitPolicies.EmailToken })
        {
            builder.UseSetting(RateLimitSettings.Key(policy, "PerAccount", "PermitLimit"), PerAccount.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting(RateLimitSettings.Key(policy, "PerAccount", "Window"), "01:00:00");
        }
    }
}

/// <summary>
/// The routes that send a mail share the email-send limit and the routes that use a mailed code share email-token,
/// each counted per e-mail address (per user when signed in): sending mails does not use up the tries of codes, nor
/// the other way round.
/// </summary>
public sealed class PasswordResetLimitTests(PasswordResetLimitFactory factory) : IntegrationTest<PasswordResetLimitFactory>(factory)
{
    [Fact]
    public async Task Forgot_for_one_address_is_limited_apart_from_its_code_tries_and_other_addresses_keep_theirs()
    {
        var email = new EmailApi(Api);
        var address = AccountsApi.UniqueEmail();
        for (var i = 0; i < PasswordResetLimitFactory.PerAccount; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await email.ForgotAsync(address)).StatusCode);
        }

        await AssertLimitedAsync(await email.ForgotAsync(address.ToUpperInvariant()));
        await EmailApi.AssertTokenInvalidAsync(await email.ResetAsync(address, "123456", "Br4nd-New-Secret"));
        await EmailApi.AssertTokenInvalidAsync(await email.VerifyAsync(address, "123456"));
        await AssertLimitedAsync(await email.VerifyAsync(address, "123456"));
        await AssertLimitedAsync(await email.ResetAsync(address, "123456", "Br4nd-New-Secret"));

        Assert.Equal(HttpStatusCode.Accepted, (await email.ForgotAsync(AccountsApi.UniqueEmail())).StatusCode);
    }

    [Fact]
    public async Task Resending_the_verification_mail_and_changing_the_address_share_the_users_limit()
    {
        var user = await Api.NewUserAsync();
        var email = new EmailApi(Api);
        Assert.Equal(HttpStatusCode.Accepted, (await email.ResendAsync(user.Tokens.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await email.ChangeAsync(user.Tokens.AccessToken, AccountsApi.UniqueEmail(), user.Password)).StatusCode);

        await AssertLimitedAsync(await email.ResendAsync(user.Tokens.AccessToken));
        await EmailApi.AssertTokenInvalidAsync(await email.ConfirmAsync(user.Tokens.AccessToken, "123456"));
    }

    private static async Task AssertLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(RateLimitingExtensions.RateLimitedCode, (await Problem.ReadAsync(response)).Code);
    }
}
