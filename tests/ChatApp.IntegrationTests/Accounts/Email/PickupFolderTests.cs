using System.Net;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts.Email;

/// <summary>The embedded default (Development, no SMTP server): mails land as .eml files in the pickup folder, and their codes work.</summary>
public sealed class PickupFolderTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task Without_smtp_the_verification_mail_is_written_to_the_pickup_folder_and_its_code_works()
    {
        var user = await Api.NewUserAsync();

        var mail = await new Mailbox(Factory.MailDirectory).WaitForAsync(user.Email, "Verify");

        Assert.Equal(HttpStatusCode.NoContent, (await new EmailApi(Api).VerifyAsync(user.Email, mail.Code!)).StatusCode);
        Assert.True((await new EmailApi(Api).ProfileAsync(user.Tokens.AccessToken)).GetProperty("emailVerified").GetBoolean());
        Assert.Empty(Mailbox.Smtp.For(user.Email));
    }
}
