using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>The text of every account mail (English), plain and simple HTML, with the code and the link where there is one.</summary>
internal sealed class AccountMails(IOptions<EmailOptions> options)
{
    private readonly EmailOptions _options = options.Value;

    private readonly string _base = (string.IsNullOrWhiteSpace(options.Value.LinkBaseUrl) ? "http://localhost:5000" : options.Value.LinkBaseUrl).TrimEnd('/');

    public EmailMessage Verification(string to, IssuedToken token) => WithCode(
        to, "Verify your ChatApp e-mail address", "Welcome to ChatApp. To verify this address, enter this code in the app:",
        token, _options.VerifyEmailTokenLifetime, Link("verify-email", to, token.LinkToken), "If you did not create a ChatApp account, ignore this mail.");

    public EmailMessage PasswordReset(string to, IssuedToken token) => WithCode(
        to, "Reset your ChatApp password", "To choose a new ChatApp password, enter this code in the app:",
        token, _options.ResetPasswordTokenLifetime, Link("reset-password", to, token.LinkToken), "If you did not ask for a new password, ignore this mail: your password stays as it is.");

    public EmailMessage EmailChange(string to, IssuedToken token) => WithCode(
        to, "Confirm your new ChatApp e-mail address", "To make this your ChatApp address, enter this code in the app:",
        token, _options.ChangeEmailTokenLifetime, Link("confirm-email", null, token.LinkToken), "If you did not ask for this change, ignore this mail: nothing changes.");

    public static EmailMessage PasswordResetNotice(string to) => Notice(
        to, "Your ChatApp password was reset",
        "The password of your ChatApp account was just reset, and every device was signed out.",
        "If this was not you, reset your password again at once and contact support.");

    public static EmailMessage EmailChangeNotice(string to, string newEmail) => Notice(
        to, "Your ChatApp e-mail address is about to change",
        $"Someone signed in to your ChatApp account asked to change its address to {newEmail}. It changes once the new address is confirmed.",
        "If this was not you, change your password now; the address stays as it is unless the new one is confirmed.");

    public static EmailMessage EmailChangedNotice(string to, string newEmail) => Notice(
        to, "Your ChatApp e-mail address was changed",
        $"The address of your ChatApp account was just changed to {newEmail}. This address no longer signs in to it.",
        "If this was not you, contact support at once.");

    /// <summary>The secrets travel in the fragment, which browsers and proxies do not send to servers or log.</summary>
    private string Link(string page, string? email, string token) =>
        $"{_base}/{page}#" + (email is null ? "" : $"email={Uri.EscapeDataString(email)}&") + $"token={Uri.EscapeDataString(token)}";

    private static EmailMessage WithCode(string to, string subject, string intro, IssuedToken token, TimeSpan lifetime, string link, string footer)
    {
        var minutes = Math.Max(1, (int)Math.Round(lifetime.TotalMinutes));
        var validity = minutes >= 120
            ? $"{(minutes / 60).ToString(CultureInfo.InvariantCulture)} hours"
            : $"{minutes.ToString(CultureInfo.InvariantCulture)} minutes";
        var text = $"""
            {intro}

                {token.Code}

            or open this link on your phone:

            {link}

            The code and the link work once, for {validity}.

            {footer}
            """;
        var html = $"""
            <!DOCTYPE html>
            <html><body style="font-family:sans-serif">
            <p>{E(intro)}</p>
            <p style="font-size:24px;font-weight:bold;letter-spacing:4px">{E(token.Code)}</p>
            <p>or <a href="{E(link)}">open this link</a> on your phone.</p>
            <p>The code and the link work once, for {E(validity)}.</p>
            <p style="color:#666">{E(footer)}</p>
            </body></html>
            """;
        return new EmailMessage(to, subject, text, html);
    }

    private static EmailMessage Notice(string to, string subject, string body, string footer)
    {
        var text = $"{body}\n\n{footer}\n";
        var html = $"""
            <!DOCTYPE html>
            <html><body style="font-family:sans-serif">
            <p>{E(body)}</p>
            <p style="color:#666">{E(footer)}</p>
            </body></html>
            """;
        return new EmailMessage(to, subject, text, html);
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
