using System.Net;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts.Email;

/// <summary>Sign-up mails a code and a link through the real SMTP server; either verifies the address, once.</summary>
public sealed class EmailVerificationTests(SmtpChatAppFactory factory) : IntegrationTest<SmtpChatAppFactory>(factory)
{
    private EmailApi Email => new(Api);

    [Fact]
    public async Task Sign_up_mails_a_code_that_verifies_the_address_once()
    {
        var user = await Api.NewUserAsync();
        var mail = await Mailbox.Smtp.WaitForAsync(user.Email, "Verify");
        Assert.False((await Email.ProfileAsync(user.Tokens.AccessToken)).GetProperty("emailVerified").GetBoolean());
        Assert.NotNull(mail.Code);
        Assert.Contains(mail.Code, mail.Html, StringComparison.Ordinal);
        Assert.StartsWith(TestSmtpServer.LinkBaseUrl + "/verify-email#email=", mail.Link, StringComparison.Ordinal);
        Assert.DoesNotContain("?", mail.Link!, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await Email.VerifyAsync(user.Email, mail.Code)).StatusCode);

        var profile = await Email.ProfileAsync(user.Tokens.AccessToken);
        Assert.True(profile.GetProperty("emailVerified").GetBoolean());
        Assert.Equal(user.Email, profile.GetProperty("email").GetString());
        await EmailApi.AssertTokenInvalidAsync(await Email.VerifyAsync(user.Email, mail.Code));
        await EmailApi.AssertTokenInvalidAsync(await Email.VerifyAsync(user.Email, mail.LinkToken!));
    }

    [Fact]
    public async Task The_link_token_verifies_the_address_and_then_neither_it_nor_the_code_works_again()
    {
        var user = await Api.NewUserAsync();
        var mail = await Mailbox.Smtp.WaitForAsync(user.Email, "Verify");
        Assert.NotNull(mail.LinkToken);
        Assert.True(mail.LinkToken.Length >= 40, mail.LinkToken);

        Assert.Equal(HttpStatusCode.NoContent, (await Email.VerifyAsync(user.Email, mail.LinkToken)).StatusCode);

        Assert.True((await Email.ProfileAsync(user.Tokens.AccessToken)).GetProperty("emailVerified").GetBoolean());
        await EmailApi.AssertTokenInvalidAsync(await Email.VerifyAsync(user.Email, mail.LinkToken));
        await EmailApi.AssertTokenInvalidAsync(await Email.VerifyAsync(user.Email, mail.Code!));
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_the_same_answer_as_a_wrong_one()
    {
        var user = await Api.NewUserAsync();
        var mail = await Mailbox.Smtp.WaitForAsync(user.Email, "Verify");
        await Factory.ExecuteAsync(
            "UPDATE accounts_account_tokens SET ExpiresAt = @past WHERE UserId = @user",
            ("@past", DateTime.UtcNow.AddMinutes(-1)), ("@user", user.Id));

        await EmailApi.AssertTokenInvalidAsync(await Email.VerifyAsync(user.Email, mail.Code!));
        await EmailApi.AssertTokenInvalidAsync(await Email.VerifyAsync(user.Email, mail.LinkToken!));
        await EmailApi.AssertTokenInvalidAsync(await Email.VerifyAsync(user.Email, "not-a-token-at-all"));
        await EmailApi.AssertTokenInvalidAsync(await Email.VerifyAsync(AccountsApi.UniqueEmail(), mail.Code!));
        Assert.False((await Email.ProfileAsync(user.Tokens.AccessToken)).GetProperty("emailVerified").GetBoolean());
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_mail_and_a_resent_mail_works()
    {
        var user = await Api.NewUserAsync();
        var mail = await Mailbox.Smtp.WaitForAsync(user.Email, "Verify");
        var wrong = ((int.Parse(mail.Code!, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await EmailApi.AssertTokenInvalidAsync(await Email.VerifyAsync(user.Email, wrong));
        }

        await EmailApi.AssertTokenInvalidAsync(await Email.VerifyAsync(user.Email, mail.Code!));
        await EmailApi.AssertTokenInvalidAsync(await Email.VerifyAsync(user.Email, mail.LinkToken!));

        await Factory.AgeMailsAsync(user.Id);
        Assert.Equal(HttpStatusCode.Accepted, (await Email.ResendAsync(user.Tokens.AccessToken)).StatusCode);
        var second = await Mailbox.Smtp.WaitForAsync(user.Email, "Verify", count: 2);
        Assert.Equal(HttpStatusCode.NoContent, (await Email.VerifyAsync(user.Email, second.Code!)).StatusCode);
        Assert.True((await Email.ProfileAsync(user.Tokens.AccessToken)).GetProperty("emailVerified").GetBoolean());
    }

    [Fact]
    public async Task A_resent_mail_replaces_the_first_and_a_verified_address_gets_no_more()
    {
        var user = await Api.NewUserAsync();
        var first = await Mailbox.Smtp.WaitForAsync(user.Email, "Verify");
        await Factory.AgeMailsAsync(user.Id);

        Assert.Equal(HttpStatusCode.Accepted, (await Email.ResendAsync(user.Tokens.AccessToken)).StatusCode);
        var second = await Mailbox.Smtp.WaitForAsync(user.Email, "Verify", count: 2);

        await EmailApi.AssertTokenInvalidAsync(await Email.VerifyAsync(user.Email, first.LinkToken!));
        Assert.Equal(HttpStatusCode.NoContent, (await Email.VerifyAsync(user.Email, second.LinkToken!)).StatusCode);
        var again = await Problem.ReadAsync(await Email.ResendAsync(user.Tokens.AccessToken));
        Assert.Equal(409, again.Status);
        Assert.Equal("accounts.email_already_verified", again.Code);
    }
}
