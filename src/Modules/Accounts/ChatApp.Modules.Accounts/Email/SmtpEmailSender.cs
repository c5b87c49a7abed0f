using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>
/// Sends through the configured SMTP server with MailKit: TLS always (STARTTLS or TLS on connect), the configured
/// credentials, and the server certificate either validated by the system or pinned (<see cref="ServerCertificatePin"/>).
/// One connection per mail: account mails are few.
/// </summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options, TimeProvider timeProvider, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    private readonly SmtpOptions _smtp = options.Value.Smtp;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        using var mime = MimeMessages.Create(message, _smtp.From!, timeProvider);
        using var client = new SmtpClient { Timeout = (int)_smtp.Timeout.TotalMilliseconds };
        if (!string.IsNullOrWhiteSpace(_smtp.TrustedCertificate))
        {
            ServerCertificatePin.TryCreate(_smtp.TrustedCertificate, out var pin);
            client.ServerCertificateValidationCallback = pin!.Accepts;
        }

        var security = _smtp.Security == SmtpOptions.SslOnConnect ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(_smtp.Host!, _smtp.Port, security, cancellationToken);
        if (!string.IsNullOrWhiteSpace(_smtp.User))
        {
            await client.AuthenticateAsync(_smtp.User, _smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Sent mail \"{Subject}\" through {Host}:{Port}", message.Subject, _smtp.Host, _smtp.Port);
    }
}
