using System.Globalization;

namespace ChatApp.IntegrationTests.Infrastructure;

/// <summary>
/// The real SMTP server the tests send through (tests/smtp_sink.py, started by <c>tests/services.sh</c>): STARTTLS and
/// AUTH required, a self-signed certificate for 127.0.0.1, every accepted message written to <see cref="MailDirectory"/>.
/// </summary>
public static class TestSmtpServer
{
    public static string Host => Endpoint.Host;

    public static int Port => Endpoint.Port;

    public static string User => Require("CHATAPP_TEST_SMTP_USER");

    public static string Password => Require("CHATAPP_TEST_SMTP_PASSWORD");

    public static string MailDirectory => Require("CHATAPP_TEST_SMTP_MAILDIR");

    /// <summary>The server's certificate (PEM): what <c>Email:Smtp:TrustedCertificate</c> pins.</summary>
    public static string Certificate => Require("CHATAPP_TEST_SMTP_CERT");

    public const string From = "ChatApp Tests <no-reply@chatapp.test>";

    public const string LinkBaseUrl = "https://chat.example.test";

    private static (string Host, int Port) Endpoint
    {
        get
        {
            var value = Require("CHATAPP_TEST_SMTP");
            var colon = value.LastIndexOf(':');
            return (value[..colon], int.Parse(value[(colon + 1)..], CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The host settings that send through this server, as configuration keys (<c>Email:Smtp:Host</c>).</summary>
    public static Dictionary<string, string> Settings() => new(StringComparer.Ordinal)
    {
        ["Email:Smtp:Host"] = Host,
        ["Email:Smtp:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "StartTls",
        ["Email:Smtp:User"] = User,
        ["Email:Smtp:Password"] = Password,
        ["Email:Smtp:From"] = From,
        ["Email:Smtp:TrustedCertificate"] = Certificate,
        ["Email:LinkBaseUrl"] = LinkBaseUrl,
    };

    /// <summary>The same settings added to a process environment (<c>Email__Smtp__Host</c>).</summary>
    public static Dictionary<string, string> AddTo(Dictionary<string, string> environment)
    {
        foreach (var (key, value) in Settings())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return environment;
    }

    private static string Require(string name) =>
        System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. The e-mail tests send through a real SMTP server: run `bash tests/run.sh`, or " +
                "`eval \"$(bash tests/services.sh start)\"` before `dotnet test`.");
}
