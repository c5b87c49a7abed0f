using System.Globalization;
using System.Net;
using ChatApp.BuildingBlocks.RateLimiting;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ChatApp.IntegrationTests.Accounts.Email;

/// <summary>A host where the password-reset limit allows two requests per address an hour.</summary>
public sealed class PasswordResetLimitFactory : ChatAppFactory
{
    public const int PerAccount = 2;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting(RateLimitSettings.Key(RateLimitPolicies.PasswordReset, "PerAccount", "PermitLimit"), PerAccount.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting(RateLimitSettings.Key(RateLimitPolicies.PasswordReset, "PerAccount", "Window"), "01:00:00");
    }
}

/// <summary>Forgot, reset, verify and resend share the password-reset limit, counted per e-mail address (per user when signed in).</summary>
public sealed class PasswordResetLimitTests(PasswordResetLimitFactory factory) : IntegrationTest<PasswordResetLimitFactory>(factory)
{
    [Fact]
    public async Task Forgot_reset_and_verify_for_one_address_share_its_limit_and_other_addresses_keep_theirs()
    {
        var email = new EmailApi(Api);
        var address = AccountsApi.UniqueEmail();
        for (var i = 0; i < PasswordResetLimitFactory.PerAccount; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await email.ForgotAsync(address)).StatusCode);
        }

        foreach (var refused in new[]
                 {
                     await email.ForgotAsync(address.ToUpperInvariant()),
                     await email.ResetAsync(address, "123456", "Br4nd-New-Secret"),
                     await email.VerifyAsync(address, "123456"),
                 })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(RateLimitingExtensions.RateLimitedCode, (await Problem.ReadAsync(refused)).Code);
        }

        Assert.Equal(HttpStatusCode.Accepted, (await email.ForgotAsync(AccountsApi.UniqueEmail())).StatusCode);
    }

    [Fact]
    public async Task Resending_the_verification_mail_is_limited_per_user()
    {
        var user = await Api.NewUserAsync();
        var email = new EmailApi(Api);
        for (var i = 0; i < PasswordResetLimitFactory.PerAccount; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await email.ResendAsync(user.Tokens.AccessToken)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await email.ResendAsync(user.Tokens.AccessToken)).StatusCode);
    }
}
