namespace ChatApp.Modules.Accounts.Domain;

internal sealed class User : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 50;
    public const int BioMaxLength = 500;
    public const int HandleMinLength = 3;
    public const int HandleMaxLength = 30;
    public const int NameSearchKeyMaxLength = 256;

    public string DisplayName { get; private set; } = "";

    public string? Bio { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The avatar image in the Media module, if the user chose one.</summary>
    public Guid? AvatarMediaId { get; set; }

    /// <summary>
    /// Set while the user has deactivated their account: hidden from other people (profile, directory, new rooms,
    /// recommendations) and signed out everywhere; signing in again reactivates it.
    /// </summary>
    public DateTime? DeactivatedAt { get; set; }

    /// <summary>The unique handle as the user wrote it (shown in profiles as <c>@handle</c>); null until chosen.</summary>
    public string? Handle { get; set; }

    /// <summary><see cref="Handle"/> folded for uniqueness and prefix search (unique index).</summary>
    public string? NormalizedHandle { get; set; }

    /// <summary>When the handle was last set; changing it again waits for the configured cooldown.</summary>
    public DateTime? HandleChangedAt { get; set; }

    /// <summary>False: people search finds this account only by its exact handle, never by name or handle prefix.</summary>
    public bool Discoverable { get; set; } = true;

    /// <summary>What people search matches the display name against (kept with <see cref="DisplayName"/>; ADR 0023).</summary>
    public string? NameSearchKey { get; set; }

    /// <summary>Set while a moderator's suspension lasts: sign-in and every API call refused until then.</summary>
    public DateTime? SuspendedUntil { get; set; }

    /// <summary>Set while the account is banned by a moderator (until lifted).</summary>
    public DateTime? BannedAt { get; set; }

    /// <summary>Set while the account is hidden from search and recommendations pending a moderator's review.</summary>
    public DateTime? HiddenForReviewAt { get; set; }

    /// <summary>Sets the display name and the key people search matches it against (needs <c>Id</c> set).</summary>
    public void Rename(string displayName)
    {
        DisplayName = displayName;
        NameSearchKey = NameSearchKeys.For(Id, displayName);
    }
}
