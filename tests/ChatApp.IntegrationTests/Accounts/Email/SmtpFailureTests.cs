using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts.Email;

/// <summary>A host whose SMTP password the server refuses.</summary>
public sealed class WrongPasswordSmtpChatAppFactory : SmtpChatAppFactory
{
    protected override string? SmtpPassword => "not-the-smtp-password";
}

/// <summary>When the SMTP server refuses the mail, the request has succeeded all the same and the outbox keeps the mail and retries it.</summary>
public sealed class SmtpFailureTests(WrongPasswordSmtpChatAppFactory factory) : IntegrationTest<WrongPasswordSmtpChatAppFactory>(factory)
{
    [Fact]
    public async Task A_refused_sign_in_to_the_smtp_server_leaves_the_mail_in_the_outbox_to_be_retried()
    {
        var user = await Api.NewUserAsync();

        const string Sql = "SELECT Attempts, LastError, ProcessedAt, DeadLetteredAt FROM accounts_outbox_messages WHERE Type LIKE '%EmailVerificationRequestedIntegrationEvent%'";
        List<object?[]> rows = [];
        await Eventually.Async(
            async () => (rows = await Factory.QueryAsync(Sql)).Count == 1 && Convert.ToInt32(rows[0][0], System.Globalization.CultureInfo.InvariantCulture) >= 2,
            TimeSpan.FromSeconds(30), "the verification mail to be tried twice");

        var row = rows[0];
        Assert.Contains("Authentication", (string)row[1]!, StringComparison.Ordinal);
        Assert.Null(row[2]);
        Assert.Null(row[3]);
        Assert.Empty(Mailbox.Smtp.For(user.Email));
    }
}
