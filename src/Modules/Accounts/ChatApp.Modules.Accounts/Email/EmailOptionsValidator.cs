using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>
/// Refuses to start outside Development (ADR 16) without a complete SMTP configuration and a link address: mails
/// written to a folder on a server would silently never arrive. A half-given SMTP configuration is refused everywhere.
/// </summary>
internal sealed class EmailOptionsValidator(IHostEnvironment environment) : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var problems = new List<string>();
        var smtp = options.Smtp;
        var anySmtp = options.UsesSmtp || !string.IsNullOrWhiteSpace(smtp.User) || !string.IsNullOrWhiteSpace(smtp.Password)
                      || !string.IsNullOrWhiteSpace(smtp.From) || !string.IsNullOrWhiteSpace(smtp.TrustedCertificate);
        if (!environment.IsDevelopment() && !anySmtp)
        {
            problems.Add("Email:Smtp:Host must be set in Production, i.e. any environment but Development (with Email:Smtp:From, and Email:Smtp:User and Password when the server requires them); only Development writes mails to a folder");
        }
        else if (anySmtp)
        {
            if (!options.UsesSmtp)
            {
                problems.Add("Email:Smtp is half given: Email:Smtp:Host is not set");
            }

            if (smtp.Port is <= 0 or > 65535)
            {
                problems.Add("Email:Smtp:Port must be between 1 and 65535");
            }

            if (smtp.Timeout <= TimeSpan.Zero)
            {
                problems.Add("Email:Smtp:Timeout must be positive");
            }

            if (smtp.Security is not (SmtpOptions.StartTls or SmtpOptions.SslOnConnect))
            {
                problems.Add($"Email:Smtp:Security must be {SmtpOptions.StartTls} or {SmtpOptions.SslOnConnect}");
            }

            if (string.IsNullOrWhiteSpace(smtp.From) || !MailboxAddress.TryParse(smtp.From, out _))
            {
                problems.Add("Email:Smtp:From must be set to a sender address");
            }

            if (string.IsNullOrWhiteSpace(smtp.User) != string.IsNullOrWhiteSpace(smtp.Password))
            {
                problems.Add("Email:Smtp:User and Email:Smtp:Password must be given together");
            }

            if (!string.IsNullOrWhiteSpace(smtp.TrustedCertificate) && ServerCertificatePin.TryCreate(smtp.TrustedCertificate, out _) is { } error)
            {
                problems.Add("Email:Smtp:TrustedCertificate: " + error);
            }
        }

        if (!environment.IsDevelopment() && !(Uri.TryCreate(options.LinkBaseUrl, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps))
        {
            problems.Add("Email:LinkBaseUrl must be set in Production to the absolute https address the links in mails start with");
        }

        foreach (var (key, value) in new[]
                 {
                     ("VerifyEmailTokenLifetime", options.VerifyEmailTokenLifetime),
                     ("ResetPasswordTokenLifetime", options.ResetPasswordTokenLifetime),
                     ("ChangeEmailTokenLifetime", options.ChangeEmailTokenLifetime),
                 })
        {
            if (value <= TimeSpan.Zero)
            {
                problems.Add($"Email:{key} must be positive");
            }
        }

        if (options.MailInterval < TimeSpan.Zero)
        {
            problems.Add("Email:MailInterval must not be negative");
        }

        foreach (var (key, value) in new[] { ("MaxCodeAttempts", options.MaxCodeAttempts), ("MaxCodeAttemptsPerDay", options.MaxCodeAttemptsPerDay), ("MaxMailsPerDay", options.MaxMailsPerDay) })
        {
            if (value < 1)
            {
                problems.Add($"Email:{key} must be at least 1");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
