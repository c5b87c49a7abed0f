using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Email;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatApp.IntegrationTests.Accounts.Email;

/// <summary>The two senders against the real test SMTP server and a folder: TLS with a pinned certificate, credentials, atomic files.</summary>
public sealed class EmailSenderTests
{
    [Fact]
    public async Task The_smtp_sender_delivers_over_tls_with_the_pinned_certificate_file_or_thumbprint()
    {
        using var certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(TestSmtpServer.Certificate));
        foreach (var pin in new[] { TestSmtpServer.Certificate, Convert.ToHexString(SHA256.HashData(certificate.RawData)), certificate.Thumbprint })
        {
            var to = AccountsApi.UniqueEmail();

            await Smtp(options => options.Smtp.TrustedCertificate = pin).SendAsync(Message(to), CancellationToken.None);

            var mail = await Mailbox.Smtp.WaitForAsync(to);
            Assert.Equal("Sender test", mail.Subject);
            Assert.Contains("plain body", mail.Text, StringComparison.Ordinal);
            Assert.Contains("<b>html body</b>", mail.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_smtp_sender_reports_a_refused_password_and_an_untrusted_certificate()
    {
        var to = AccountsApi.UniqueEmail();

        await Assert.ThrowsAsync<AuthenticationException>(() =>
            Smtp(options => options.Smtp.Password = "wrong").SendAsync(Message(to), CancellationToken.None));
        // Another certificate pinned, or none (the system does not trust a self-signed one): the connection is refused.
        await Assert.ThrowsAsync<SslHandshakeException>(() =>
            Smtp(options => options.Smtp.TrustedCertificate = new string('A', 64)).SendAsync(Message(to), CancellationToken.None));
        await Assert.ThrowsAsync<SslHandshakeException>(() =>
            Smtp(options => options.Smtp.TrustedCertificate = null).SendAsync(Message(to), CancellationToken.None));
        Assert.Empty(Mailbox.Smtp.For(to));
    }

    [Fact]
    public async Task The_pickup_folder_sender_writes_one_complete_eml_file_per_mail()
    {
        var directory = Path.Combine(Path.GetTempPath(), "chatapp-pickup-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = Options.Create(new EmailOptions { PickupDirectory = directory });
            var sender = new PickupDirectoryEmailSender(options, new FixedEnvironment(), TimeProvider.System);
            var to = AccountsApi.UniqueEmail();

            await sender.SendAsync(Message(to), CancellationToken.None);
            await sender.SendAsync(Message(to), CancellationToken.None);

            Assert.Equal(directory, sender.Directory);
            Assert.Equal(2, Directory.GetFiles(directory, "*.eml").Length);
            Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
            var mails = new Mailbox(directory).For(to);
            Assert.Equal(2, mails.Count);
            Assert.All(mails, mail => Assert.Equal("Sender test", mail.Subject));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Without_smtp_the_host_logs_where_mails_are_written_at_startup_and_with_smtp_it_does_not()
    {
        foreach (var smtpHost in new[] { null, TestSmtpServer.Host })
        {
            var options = new EmailOptions { PickupDirectory = "data/mail" };
            options.Smtp.Host = smtpHost;
            using var logs = new CapturedLogs();
            var sender = new PickupDirectoryEmailSender(Options.Create(options), new FixedEnvironment(), TimeProvider.System);
            var announcement = new PickupDirectoryAnnouncement(Options.Create(options), sender, new Microsoft.Extensions.Logging.Logger<PickupDirectoryAnnouncement>(new Microsoft.Extensions.Logging.LoggerFactory([logs])));

            await announcement.StartAsync(CancellationToken.None);

            var said = logs.Lines.Any(line => line.Message.Contains(Path.Combine(Path.GetTempPath(), "data", "mail"), StringComparison.Ordinal));
            Assert.Equal(smtpHost is null, said);
        }
    }

    private static SmtpEmailSender Smtp(Action<EmailOptions> change)
    {
        var options = new EmailOptions();
        options.Smtp.Host = TestSmtpServer.Host;
        options.Smtp.Port = TestSmtpServer.Port;
        options.Smtp.User = TestSmtpServer.User;
        options.Smtp.Password = TestSmtpServer.Password;
        options.Smtp.From = TestSmtpServer.From;
        options.Smtp.TrustedCertificate = TestSmtpServer.Certificate;
        options.Smtp.Timeout = TimeSpan.FromSeconds(20);
        change(options);
        return new SmtpEmailSender(Options.Create(options), TimeProvider.System, NullLogger<SmtpEmailSender>.Instance);
    }

    private static EmailMessage Message(string to) => new(to, "Sender test", "plain body", "<p><b>html body</b></p>");

    private sealed class FixedEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
