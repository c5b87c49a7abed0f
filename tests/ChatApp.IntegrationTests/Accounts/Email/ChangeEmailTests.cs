using System.Net;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts.Email;

/// <summary>Changing the address: a code to the new one, a notice to the old; nothing changes until it is confirmed.</summary>
public sealed class ChangeEmailTests(SmtpChatAppFactory factory) : IntegrationTest<SmtpChatAppFactory>(factory)
{
    private EmailApi Email => new(Api);

    [Fact]
    public async Task The_new_address_takes_effect_verified_only_when_confirmed_with_its_code()
    {
        var user = await Api.NewUserAsync();
        var newEmail = AccountsApi.UniqueEmail();

        Assert.Equal(HttpStatusCode.Accepted, (await Email.ChangeAsync(user.Tokens.AccessToken, newEmail, user.Password)).StatusCode);

        var code = await Mailbox.Smtp.WaitForAsync(newEmail, "new ChatApp e-mail");
        var notice = await Mailbox.Smtp.WaitForAsync(user.Email, "about to change");
        Assert.Contains(newEmail, notice.Text, StringComparison.Ordinal);
        Assert.Null(notice.Code);
        Assert.Equal(user.Email, (await Email.ProfileAsync(user.Tokens.AccessToken)).GetProperty("email").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await Email.ConfirmAsync(user.Tokens.AccessToken, code.Code!)).StatusCode);

        var profile = await Email.ProfileAsync(user.Tokens.AccessToken);
        Assert.Equal(newEmail, profile.GetProperty("email").GetString());
        Assert.True(profile.GetProperty("emailVerified").GetBoolean());
        await Api.LoginAsync(newEmail);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostLoginAsync(user.Email, user.Password)).StatusCode);
        await EmailApi.AssertTokenInvalidAsync(await Email.ConfirmAsync(user.Tokens.AccessToken, code.LinkToken!));
    }

    [Fact]
    public async Task A_wrong_password_a_taken_address_or_the_same_address_is_refused_and_nothing_is_mailed()
    {
        var user = await Api.NewUserAsync();
        var other = await Api.NewUserAsync();
        var newEmail = AccountsApi.UniqueEmail();

        var wrongPassword = await Problem.ReadAsync(await Email.ChangeAsync(user.Tokens.AccessToken, newEmail, "Wr0ng-Password"));
        var taken = await Problem.ReadAsync(await Email.ChangeAsync(user.Tokens.AccessToken, other.Email.ToUpperInvariant(), user.Password));
        var same = await Problem.ReadAsync(await Email.ChangeAsync(user.Tokens.AccessToken, user.Email, user.Password));

        Assert.Equal((400, "accounts.incorrect_password"), (wrongPassword.Status, wrongPassword.Code));
        Assert.Equal((409, "accounts.email_taken"), (taken.Status, taken.Code));
        Assert.Equal((400, "accounts.same_email"), (same.Status, same.Code));
        Assert.Equal(HttpStatusCode.Accepted, (await Email.ChangeAsync(user.Tokens.AccessToken, AccountsApi.UniqueEmail(), user.Password)).StatusCode);
        await Mailbox.Smtp.WaitForAsync(user.Email, "about to change");
        Assert.Empty(Mailbox.Smtp.For(newEmail));
    }

    [Fact]
    public async Task An_address_taken_before_the_confirmation_is_a_409_and_the_account_keeps_its_address()
    {
        var user = await Api.NewUserAsync();
        var newEmail = AccountsApi.UniqueEmail();
        await Email.ChangeAsync(user.Tokens.AccessToken, newEmail, user.Password);
        var mail = await Mailbox.Smtp.WaitForAsync(newEmail, "new ChatApp e-mail");
        await Api.RegisterAsync(newEmail);

        var problem = await Problem.ReadAsync(await Email.ConfirmAsync(user.Tokens.AccessToken, mail.LinkToken!));

        Assert.Equal((409, "accounts.email_taken"), (problem.Status, problem.Code));
        Assert.Equal(user.Email, (await Email.ProfileAsync(user.Tokens.AccessToken)).GetProperty("email").GetString());
    }

    [Fact]
    public async Task Another_user_cannot_confirm_with_my_code()
    {
        var user = await Api.NewUserAsync();
        var intruder = await Api.NewUserAsync();
        var newEmail = AccountsApi.UniqueEmail();
        await Email.ChangeAsync(user.Tokens.AccessToken, newEmail, user.Password);
        var mail = await Mailbox.Smtp.WaitForAsync(newEmail, "new ChatApp e-mail");

        await EmailApi.AssertTokenInvalidAsync(await Email.ConfirmAsync(intruder.Tokens.AccessToken, mail.LinkToken!));

        Assert.Equal(intruder.Email, (await Email.ProfileAsync(intruder.Tokens.AccessToken)).GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await Email.ConfirmAsync(user.Tokens.AccessToken, mail.LinkToken!)).StatusCode);
    }
}
