namespace ChatApp.Modules.Accounts.Email;

/// <summary>Configuration section <c>Email:Smtp</c>: the mail server account mails are sent through.</summary>
internal sealed class SmtpOptions
{
    public const string StartTls = "StartTls";
    public const string SslOnConnect = "SslOnConnect";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><see cref="StartTls"/> (port 587) or <see cref="SslOnConnect"/> (port 465); plain text is never used.</summary>
    public string Security { get; set; } = StartTls;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address, e.g. "ChatApp &lt;no-reply@example.com&gt;".</summary>
    public string? From { get; set; }

    /// <summary>
    /// Pins the server's certificate: a certificate file (PEM or DER) or its SHA-256 (or SHA-1) thumbprint in hex. When
    /// set, only that exact certificate is accepted (for a server with a private or self-signed certificate); when
    /// empty, the system's trust store and host name checks apply.
    /// </summary>
    public string? TrustedCertificate { get; set; }

    /// <summary>How long one connection, sign-in and send may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
