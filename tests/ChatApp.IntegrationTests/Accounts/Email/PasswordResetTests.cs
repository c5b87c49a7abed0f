using System.Net;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts.Email;

/// <summary>Forgot and reset through the real SMTP server: one answer for every address; a reset ends every session and is announced.</summary>
public sealed class PasswordResetTests(SmtpChatAppFactory factory) : IntegrationTest<SmtpChatAppFactory>(factory)
{
    private const string NewPassword = "Br4nd-New-Secret";

    private EmailApi Email => new(Api);

    [Fact]
    public async Task Forgot_answers_known_and_unknown_addresses_alike_and_mails_only_the_known_one()
    {
        var user = await Api.NewUserAsync();
        var unknown = AccountsApi.UniqueEmail();

        var forUnknown = await Email.ForgotAsync(unknown);
        var forKnown = await Email.ForgotAsync(user.Email);

        Assert.Equal(HttpStatusCode.Accepted, forKnown.StatusCode);
        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(await forKnown.Content.ReadAsStringAsync(), await forUnknown.Content.ReadAsStringAsync());
        Assert.Equal(forKnown.Content.Headers.ContentType, forUnknown.Content.Headers.ContentType);
        Assert.Equal(forKnown.Content.Headers.ContentLength, forUnknown.Content.Headers.ContentLength);
        Assert.Null(forKnown.Headers.Location);
        var mail = await Mailbox.Smtp.WaitForAsync(user.Email, "Reset");
        Assert.NotNull(mail.Code);
        Assert.StartsWith(TestSmtpServer.LinkBaseUrl + "/reset-password#email=", mail.Link, StringComparison.Ordinal);
        // The outbox delivers in order: the unknown address's request was handled before the known one's mail left.
        Assert.Empty(Mailbox.Smtp.For(unknown));
    }

    [Fact]
    public async Task A_reset_sets_the_password_ends_every_session_and_tells_the_address()
    {
        var user = await Api.NewUserAsync();
        var otherDevice = await Api.LoginAsync(user.Email, deviceName: "tablet");
        Assert.Equal(HttpStatusCode.Accepted, (await Email.ForgotAsync(user.Email)).StatusCode);
        var mail = await Mailbox.Smtp.WaitForAsync(user.Email, "Reset");

        Assert.Equal(HttpStatusCode.NoContent, (await Email.ResetAsync(user.Email, mail.LinkToken!, NewPassword)).StatusCode);

        foreach (var tokens in new[] { user.Tokens, otherDevice })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Api.As(tokens.AccessToken).GetAsync("/api/v1/accounts/me")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostRefreshAsync(tokens.RefreshToken)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostLoginAsync(user.Email, user.Password)).StatusCode);
        var signedIn = await Api.LoginAsync(user.Email, NewPassword);
        var notice = await Mailbox.Smtp.WaitForAsync(user.Email, "was reset");
        Assert.Null(notice.Code);
        await EmailApi.AssertTokenInvalidAsync(await Email.ResetAsync(user.Email, mail.LinkToken!, "An0ther-Secret"));
        await EmailApi.AssertTokenInvalidAsync(await Email.ResetAsync(user.Email, mail.Code!, "An0ther-Secret"));
        // The mail reached the address, which proves it.
        Assert.True((await Email.ProfileAsync(signedIn.AccessToken)).GetProperty("emailVerified").GetBoolean());
    }

    [Fact]
    public async Task A_weak_password_is_refused_before_the_code_is_used_up()
    {
        var user = await Api.NewUserAsync();
        await Email.ForgotAsync(user.Email);
        var mail = await Mailbox.Smtp.WaitForAsync(user.Email, "Reset");

        var weak = await Problem.ReadAsync(await Email.ResetAsync(user.Email, mail.Code!, "weak"));

        Assert.Equal(400, weak.Status);
        Assert.Equal(["newPassword"], weak.Errors.Keys);
        Assert.Equal(HttpStatusCode.NoContent, (await Email.ResetAsync(user.Email, mail.Code!, NewPassword)).StatusCode);
        await Api.LoginAsync(user.Email, NewPassword);
    }

    [Fact]
    public async Task A_reset_token_is_refused_for_another_address_and_a_newer_mail_ends_the_older_one()
    {
        var user = await Api.NewUserAsync();
        var other = await Api.NewUserAsync();
        await Email.ForgotAsync(user.Email);
        var first = await Mailbox.Smtp.WaitForAsync(user.Email, "Reset");
        await Factory.AgeMailsAsync(user.Id);
        await Email.ForgotAsync(user.Email);
        var second = await Mailbox.Smtp.WaitForAsync(user.Email, "Reset", count: 2);

        await EmailApi.AssertTokenInvalidAsync(await Email.ResetAsync(other.Email, second.LinkToken!, NewPassword));
        await EmailApi.AssertTokenInvalidAsync(await Email.ResetAsync(user.Email, first.LinkToken!, NewPassword));
        await EmailApi.AssertTokenInvalidAsync(await Email.ResetAsync(AccountsApi.UniqueEmail(), second.Code!, NewPassword));
        Assert.Equal(HttpStatusCode.NoContent, (await Email.ResetAsync(user.Email, second.Code!, NewPassword)).StatusCode);
        await Api.LoginAsync(other.Email, other.Password);
    }
}
