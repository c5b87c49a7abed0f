namespace ChatApp.Modules.Accounts.Email;

/// <summary>
/// Configuration section <c>Email</c>: how account mails leave the server (SMTP when <c>Email:Smtp:Host</c> is set,
/// otherwise .eml files in <see cref="PickupDirectory"/>, which only Development may use), where their links point,
/// and how long their tokens live.
/// </summary>
internal sealed class EmailOptions
{
    public const string SectionName = "Email";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The embedded default's outbox folder (relative paths are under the content root).</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    /// <summary>The public address the links in mails start with (the app's deep-link or web domain), e.g. https://chat.example.com.</summary>
    public string LinkBaseUrl { get; set; } = "";

    /// <summary>The sender when the pickup folder is used (SMTP requires <see cref="SmtpOptions.From"/>).</summary>
    public string DefaultFrom { get; set; } = "ChatApp <no-reply@chatapp.localhost>";

    public TimeSpan VerifyEmailTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan ResetPasswordTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan ChangeEmailTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Wrong codes after which the tokens of one mail stop working (a 6-digit code must not be guessable).</summary>
    public int MaxCodeAttempts { get; set; } = 5;

    /// <summary>
    /// Wrong codes, summed over a user's mails of one purpose issued in the last 24 hours, after which every code of that
    /// purpose is refused (new mails do not reset it; their link tokens still work).
    /// </summary>
    public int MaxCodeAttemptsPerDay { get; set; } = 10;

    /// <summary>The least time between two mails of one purpose to one user; a request inside it sends nothing (logged).</summary>
    public TimeSpan MailInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The most mails of one purpose one user gets in 24 hours; further requests send nothing (logged).</summary>
    public int MaxMailsPerDay { get; set; } = 5;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    public TimeSpan LifetimeOf(string purpose) => purpose switch
    {
        Domain.AccountTokenPurposes.VerifyEmail => VerifyEmailTokenLifetime,
        Domain.AccountTokenPurposes.ResetPassword => ResetPasswordTokenLifetime,
        Domain.AccountTokenPurposes.ChangeEmail => ChangeEmailTokenLifetime,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown token purpose."),
    };
}
