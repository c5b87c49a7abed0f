namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>An account as moderators see it: its name and the sanctions in force (times in UTC).</summary>
public sealed record AccountStanding(
    Guid UserId,
    string DisplayName,
    string? Handle,
    DateTime CreatedAt,
    bool Deactivated,
    DateTime? SuspendedUntil,
    DateTime? BannedAt,
    DateTime? HiddenForReviewAt);
