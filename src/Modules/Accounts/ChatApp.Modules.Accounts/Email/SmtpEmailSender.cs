using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>
/// Sends through the configured SMTP server with MailKit: TLS always (STARTTLS or TLS on connect), the configured
/// credentials, and the server certificate either validated by the system or pinned (<see cref="ServerCertificatePin"/>,
/// read once). One connection per mail: account mails are few. Once the server took the mail, a failure to say goodbye
/// is only logged: failing then would make the outbox send the mail again.
/// </summary>
internal sealed class SmtpEmailSender : IEmailSender
{
    private readonly SmtpOptions _smtp;
    private readonly ServerCertificatePin? _pin;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SmtpEmailSender> _logger;

    public SmtpEmailSender(IOptions<EmailOptions> options, TimeProvider timeProvider, ILogger<SmtpEmailSender> logger)
    {
        _smtp = options.Value.Smtp;
        _timeProvider = timeProvider;
        _logger = logger;
        if (!string.IsNullOrWhiteSpace(_smtp.TrustedCertificate))
        {
            var error = ServerCertificatePin.TryCreate(_smtp.TrustedCertificate, out _pin);
            if (error is not null)
            {
                throw new InvalidOperationException("Email:Smtp:TrustedCertificate: " + error);
            }
        }
    }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        using var mime = MimeMessages.Create(message, _smtp.From!, _timeProvider);
        using var client = new SmtpClient { Timeout = (int)_smtp.Timeout.TotalMilliseconds };
        if (_pin is not null)
        {
            client.ServerCertificateValidationCallback = _pin.Accepts;
        }

        var security = _smtp.Security == SmtpOptions.SslOnConnect ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(_smtp.Host!, _smtp.Port, security, cancellationToken);
        if (!string.IsNullOrWhiteSpace(_smtp.User))
        {
            await client.AuthenticateAsync(_smtp.User, _smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        _logger.LogInformation("Sent mail \"{Subject}\" through {Host}:{Port}", message.Subject, _smtp.Host, _smtp.Port);
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.LogWarning(exception, "The mail \"{Subject}\" was sent, but closing the connection to {Host}:{Port} failed", message.Subject, _smtp.Host, _smtp.Port);
        }
    }
}
