namespace ChatApp.Modules.Accounts.Domain;

/// <summary>
/// A single-use secret sent by e-mail: verifying an address, resetting a password, or confirming a new address. Only the
/// SHA-256 hash of the secret is stored; it is consumed by setting <see cref="UsedAt"/> in one conditional update, so two
/// requests with the same token cannot both succeed.
/// </summary>
internal sealed class AccountToken
{
    public const int PurposeMaxLength = 20;

    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>One of <see cref="AccountTokenPurposes"/>.</summary>
    public string Purpose { get; set; } = "";

    public string TokenHash { get; set; } = "";

    /// <summary>The address being confirmed (verification of a sign-up or of a changed e-mail); null for a reset.</summary>
    public string? Email { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }

    /// <summary>Wrong codes tried against this token; a short code stops working after a few, so it cannot be guessed.</summary>
    public int FailedAttempts { get; set; }
}
