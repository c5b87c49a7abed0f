namespace ChatApp.Modules.Accounts.Domain;

internal sealed class User : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 50;
    public const int BioMaxLength = 500;

    public string DisplayName { get; set; } = "";

    public string? Bio { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The avatar image in the Media module, if the user chose one.</summary>
    public Guid? AvatarMediaId { get; set; }

    /// <summary>
    /// Set while the user has deactivated their account: hidden from other people (profile, directory, new rooms,
    /// recommendations) and signed out everywhere; signing in again reactivates it.
    /// </summary>
    public DateTime? DeactivatedAt { get; set; }
}
