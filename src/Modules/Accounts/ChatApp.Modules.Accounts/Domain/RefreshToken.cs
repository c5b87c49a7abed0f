namespace ChatApp.Modules.Accounts.Domain;

/// <summary>An opaque refresh token; only its SHA-256 hash is stored.</summary>
internal sealed class RefreshToken
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public string TokenHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>When it was exchanged for the next token; a token is good for one exchange only.</summary>
    public DateTime? UsedAt { get; set; }
}
