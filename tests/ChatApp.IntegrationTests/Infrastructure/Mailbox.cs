using System.Text.RegularExpressions;
using MimeKit;

namespace ChatApp.IntegrationTests.Infrastructure;

/// <summary>A mail as a test reads it, with the 6-digit code and the link's token when it has them.</summary>
public sealed record ReceivedMail(string To, string Subject, string Text, string Html, string? Code, string? Link, string? LinkToken);

/// <summary>
/// The mails in a folder of .eml files (the test SMTP server's, <see cref="TestSmtpServer.MailDirectory"/>, or a host's
/// pickup folder), read per recipient; <see cref="WaitForAsync"/> waits for one to arrive. Many hosts share the SMTP
/// server's folder: give every test its own addresses (<see cref="AccountsApi.UniqueEmail"/>).
/// </summary>
public sealed partial class Mailbox(string directory)
{
    public static Mailbox Smtp => new(TestSmtpServer.MailDirectory);

    /// <summary>The mails to <paramref name="recipient"/> so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> For(string recipient)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var mails = new List<(DateTime Written, string Name, ReceivedMail Mail)>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.eml"))
        {
            string raw;
            try
            {
                raw = File.ReadAllText(file);
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            if (!raw.Contains(recipient, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw));
            var message = MimeMessage.Load(stream);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase)))
            {
                mails.Add((File.GetLastWriteTimeUtc(file), Path.GetFileName(file), Read(recipient, message)));
            }
        }

        return mails.OrderBy(m => m.Written).ThenBy(m => m.Name, StringComparer.Ordinal).Select(m => m.Mail).ToList();
    }

    /// <summary>Waits until <paramref name="recipient"/> has at least <paramref name="count"/> mails (whose subject contains <paramref name="subject"/>); returns the newest of them.</summary>
    public async Task<ReceivedMail> WaitForAsync(string recipient, string? subject = null, int count = 1, TimeSpan? timeout = null)
    {
        IReadOnlyList<ReceivedMail> matching = [];
        await Eventually.Async(
            () =>
            {
                matching = For(recipient).Where(m => subject is null || m.Subject.Contains(subject, StringComparison.OrdinalIgnoreCase)).ToList();
                return matching.Count >= count;
            },
            timeout ?? TimeSpan.FromSeconds(30),
            () => $"{count} mail(s) to {recipient}{(subject is null ? "" : $" about \"{subject}\"")}; have {matching.Count}");
        return matching[^1];
    }

    private static ReceivedMail Read(string recipient, MimeMessage message)
    {
        var text = message.TextBody ?? "";
        var link = LinkPattern().Match(text) is { Success: true } linkMatch ? linkMatch.Value : null;
        var token = link is not null && TokenPattern().Match(link) is { Success: true } tokenMatch ? Uri.UnescapeDataString(tokenMatch.Groups[1].Value) : null;
        var code = CodePattern().Match(text) is { Success: true } codeMatch ? codeMatch.Groups[1].Value : null;
        return new ReceivedMail(recipient, message.Subject ?? "", text, message.HtmlBody ?? "", code, link, token);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"[#&]token=([^&\s]+)")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^\s+(\d{6})\s*$", RegexOptions.Multiline)]
    private static partial Regex CodePattern();
}
