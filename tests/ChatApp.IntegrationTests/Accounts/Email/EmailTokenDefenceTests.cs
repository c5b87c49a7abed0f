using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts.Email;

/// <summary>
/// The defences of mailed codes: guesses add up across new mails, mails are throttled, parallel requests are judged
/// one by one, a repeated delivery re-sends the same secrets, and reset mails die with the address or password.
/// </summary>
public sealed class EmailTokenDefenceTests(SmtpChatAppFactory factory) : IntegrationTest<SmtpChatAppFactory>(factory)
{
    private const string NewPassword = "Br4nd-New-Secret";

    private EmailApi Email => new(Api);

    [Fact]
    public async Task Wrong_codes_add_up_across_new_mails_and_then_only_the_link_works()
    {
        var user = await Api.NewUserAsync();
        for (var mail = 1; mail <= 2; mail++)
        {
            await Email.ForgotAsync(user.Email);
            var sent = await Mailbox.Smtp.WaitForAsync(user.Email, "Reset", count: mail);
            for (var attempt = 0; attempt < 5; attempt++)
            {
                await EmailApi.AssertTokenInvalidAsync(await Email.ResetAsync(user.Email, Wrong(sent.Code!), NewPassword));
            }

            await Factory.AgeMailsAsync(user.Id);
        }

        await Email.ForgotAsync(user.Email);
        var third = await Mailbox.Smtp.WaitForAsync(user.Email, "Reset", count: 3);

        await EmailApi.AssertTokenInvalidAsync(await Email.ResetAsync(user.Email, third.Code!, NewPassword));
        Assert.Equal(HttpStatusCode.NoContent, (await Email.ResetAsync(user.Email, third.LinkToken!, NewPassword)).StatusCode);
        await Api.LoginAsync(user.Email, NewPassword);
    }

    [Fact]
    public async Task Four_wrong_codes_then_the_right_one_verifies()
    {
        var user = await Api.NewUserAsync();
        var mail = await Mailbox.Smtp.WaitForAsync(user.Email, "Verify");
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await EmailApi.AssertTokenInvalidAsync(await Email.VerifyAsync(user.Email, Wrong(mail.Code!)));
        }

        Assert.Equal(HttpStatusCode.NoContent, (await Email.VerifyAsync(user.Email, mail.Code!)).StatusCode);
        Assert.True((await Email.ProfileAsync(user.Tokens.AccessToken)).GetProperty("emailVerified").GetBoolean());
    }

    [Fact]
    public async Task A_second_request_within_a_minute_sends_nothing_and_the_first_mail_stays_valid()
    {
        var user = await Api.NewUserAsync();
        var marker = await Api.NewUserAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await Email.ForgotAsync(user.Email)).StatusCode);
        var first = await Mailbox.Smtp.WaitForAsync(user.Email, "Reset");

        Assert.Equal(HttpStatusCode.Accepted, (await Email.ForgotAsync(user.Email)).StatusCode);
        // The outbox delivers in order: once the later request's mail is out, the second request was handled.
        await Email.ForgotAsync(marker.Email);
        await Mailbox.Smtp.WaitForAsync(marker.Email, "Reset");

        Assert.Single(Mailbox.Smtp.For(user.Email), m => m.Subject.Contains("Reset", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NoContent, (await Email.ResetAsync(user.Email, first.Code!, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Parallel_wrong_codes_count_no_more_than_the_limit_and_parallel_right_codes_succeed_once()
    {
        var user = await Api.NewUserAsync();
        var mail = await Mailbox.Smtp.WaitForAsync(user.Email, "Verify");
        var wrong = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Email.VerifyAsync(user.Email, Wrong(mail.Code!))));
        Assert.All(wrong, response => Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode));
        var counts = await Factory.QueryAsync($"SELECT FailedAttempts FROM accounts_account_tokens WHERE UserId = '{user.Id}'");
        Assert.All(counts, row => Assert.Equal(5, Convert.ToInt32(row[0], CultureInfo.InvariantCulture)));

        var other = await Api.NewUserAsync();
        await Email.ForgotAsync(other.Email);
        var reset = await Mailbox.Smtp.WaitForAsync(other.Email, "Reset");
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Email.ResetAsync(other.Email, i % 2 == 0 ? reset.Code! : reset.LinkToken!, NewPassword)));
        Assert.Single(answers, response => response.StatusCode == HttpStatusCode.NoContent);
        Assert.All(answers.Where(response => response.StatusCode != HttpStatusCode.NoContent), response => Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode));
    }

    [Fact]
    public async Task A_repeated_delivery_of_the_request_mails_the_same_code_and_both_stay_valid_until_used()
    {
        var user = await Api.NewUserAsync();
        await Email.ForgotAsync(user.Email);
        var first = await Mailbox.Smtp.WaitForAsync(user.Email, "Reset");

        var redelivered = await Factory.ExecuteAsync(
            "UPDATE accounts_outbox_messages SET ProcessedAt = NULL, CompletedHandlers = NULL, LockedUntil = NULL, NextAttemptAt = UTC_TIMESTAMP(6) " +
            "WHERE Type LIKE '%PasswordResetRequestedIntegrationEvent%' AND Content LIKE @user",
            ("@user", $"%{user.Id}%"));
        Assert.Equal(1, redelivered);
        var second = await Mailbox.Smtp.WaitForAsync(user.Email, "Reset", count: 2);

        Assert.Equal((first.Code, first.LinkToken), (second.Code, second.LinkToken));
        Assert.Equal(HttpStatusCode.NoContent, (await Email.ResetAsync(user.Email, first.Code!, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task An_expired_reset_mail_and_a_verification_code_are_refused_by_reset()
    {
        var user = await Api.NewUserAsync();
        var verification = await Mailbox.Smtp.WaitForAsync(user.Email, "Verify");
        await EmailApi.AssertTokenInvalidAsync(await Email.ResetAsync(user.Email, verification.Code!, NewPassword));
        await EmailApi.AssertTokenInvalidAsync(await Email.ResetAsync(user.Email, verification.LinkToken!, NewPassword));

        await Email.ForgotAsync(user.Email);
        var reset = await Mailbox.Smtp.WaitForAsync(user.Email, "Reset");
        await Factory.ExecuteAsync(
            "UPDATE accounts_account_tokens SET ExpiresAt = @past WHERE UserId = @user AND Purpose = 'reset_password'",
            ("@past", DateTime.UtcNow.AddMinutes(-1)), ("@user", user.Id));
        await EmailApi.AssertTokenInvalidAsync(await Email.ResetAsync(user.Email, reset.Code!, NewPassword));
        await EmailApi.AssertTokenInvalidAsync(await Email.ResetAsync(user.Email, reset.LinkToken!, NewPassword));

        // The verification code was not used up by the tries on reset.
        Assert.Equal(HttpStatusCode.NoContent, (await Email.VerifyAsync(user.Email, verification.Code!)).StatusCode);
        await Api.LoginAsync(user.Email, user.Password);
    }

    [Fact]
    public async Task A_reset_mail_dies_when_the_address_changes()
    {
        var user = await Api.NewUserAsync();
        await Email.ForgotAsync(user.Email);
        var reset = await Mailbox.Smtp.WaitForAsync(user.Email, "Reset");
        var newEmail = AccountsApi.UniqueEmail();
        await Email.ChangeAsync(user.Tokens.AccessToken, newEmail, user.Password);
        var change = await Mailbox.Smtp.WaitForAsync(newEmail, "new ChatApp e-mail");

        Assert.Equal(HttpStatusCode.NoContent, (await Email.ConfirmAsync(user.Tokens.AccessToken, change.Code!)).StatusCode);

        await EmailApi.AssertTokenInvalidAsync(await Email.ResetAsync(newEmail, reset.LinkToken!, NewPassword));
        await EmailApi.AssertTokenInvalidAsync(await Email.ResetAsync(user.Email, reset.LinkToken!, NewPassword));
        var notice = await Mailbox.Smtp.WaitForAsync(user.Email, "was changed");
        Assert.Contains(newEmail, notice.Text, StringComparison.Ordinal);
        Assert.Null(notice.Code);
    }

    [Fact]
    public async Task A_reset_mailed_to_an_address_the_account_no_longer_has_is_refused()
    {
        var user = await Api.NewUserAsync();
        await Email.ForgotAsync(user.Email);
        var reset = await Mailbox.Smtp.WaitForAsync(user.Email, "Reset");
        var newEmail = AccountsApi.UniqueEmail();
        // Moved by other means than a confirmation (which ends the mails itself): the reset's own check must refuse.
        await Factory.ExecuteAsync(
            "UPDATE accounts_users SET Email = @email, NormalizedEmail = UPPER(@email) WHERE Id = @user", ("@email", newEmail), ("@user", user.Id));

        await EmailApi.AssertTokenInvalidAsync(await Email.ResetAsync(newEmail, reset.LinkToken!, NewPassword));
    }

    [Fact]
    public async Task Changing_the_password_ends_reset_mails_and_a_reset_ends_a_pending_change_of_address()
    {
        var user = await Api.NewUserAsync();
        await Email.ForgotAsync(user.Email);
        var reset = await Mailbox.Smtp.WaitForAsync(user.Email, "Reset");
        var changed = await Api.As(user.Tokens.AccessToken).PostAsJsonAsync(
            "/api/v1/accounts/me/password", new { currentPassword = user.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await EmailApi.AssertTokenInvalidAsync(await Email.ResetAsync(user.Email, reset.LinkToken!, "An0ther-Secret"));

        var newEmail = AccountsApi.UniqueEmail();
        Assert.Equal(HttpStatusCode.Accepted, (await Email.ChangeAsync(user.Tokens.AccessToken, newEmail, NewPassword)).StatusCode);
        var change = await Mailbox.Smtp.WaitForAsync(newEmail, "new ChatApp e-mail");
        await Factory.AgeMailsAsync(user.Id);
        await Email.ForgotAsync(user.Email);
        var second = await Mailbox.Smtp.WaitForAsync(user.Email, "Reset", count: 2);
        Assert.Equal(HttpStatusCode.NoContent, (await Email.ResetAsync(user.Email, second.Code!, "An0ther-Secret")).StatusCode);

        var signedIn = await Api.LoginAsync(user.Email, "An0ther-Secret");
        await EmailApi.AssertTokenInvalidAsync(await Email.ConfirmAsync(signedIn.AccessToken, change.Code!));
        Assert.Equal(user.Email, (await Email.ProfileAsync(signedIn.AccessToken)).GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("Evil <{0}>")]
    [InlineData("{0}, other@example.com")]
    [InlineData("\"Evil\" <{0}>")]
    public async Task An_address_with_a_name_or_a_list_is_refused_at_registration_and_change(string format)
    {
        var address = string.Format(CultureInfo.InvariantCulture, format, AccountsApi.UniqueEmail());
        var registered = await Problem.ReadAsync(await Api.Anonymous().PostAsJsonAsync(
            "/api/v1/accounts/register", new { email = address, password = "Str0ng-Secret", displayName = "Evil" }));
        Assert.Equal(400, registered.Status);
        Assert.Contains("email", registered.Errors.Keys, StringComparer.OrdinalIgnoreCase);

        var user = await Api.NewUserAsync();
        var changed = await Problem.ReadAsync(await Email.ChangeAsync(user.Tokens.AccessToken, address, user.Password));
        Assert.Equal(400, changed.Status);
        Assert.Contains("newEmail", changed.Errors.Keys, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_address_taken_when_the_change_is_saved_is_a_clean_409()
    {
        var user = await Api.NewUserAsync();
        var other = await Api.NewUserAsync();
        var newEmail = AccountsApi.UniqueEmail();
        await Email.ChangeAsync(user.Tokens.AccessToken, newEmail, user.Password);
        var mail = await Mailbox.Smtp.WaitForAsync(newEmail, "new ChatApp e-mail");
        // Another account holds the new address as its user name: the check by e-mail passes and the unique index refuses.
        await Factory.ExecuteAsync(
            "UPDATE accounts_users SET UserName = @email, NormalizedUserName = UPPER(@email) WHERE Id = @user", ("@email", newEmail), ("@user", other.Id));

        var problem = await Problem.ReadAsync(await Email.ConfirmAsync(user.Tokens.AccessToken, mail.Code!));

        Assert.Equal((409, "accounts.email_taken"), (problem.Status, problem.Code));
        Assert.Equal(user.Email, (await Email.ProfileAsync(user.Tokens.AccessToken)).GetProperty("email").GetString());
    }

    private static string Wrong(string code) =>
        ((int.Parse(code, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
}
