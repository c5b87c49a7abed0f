namespace ChatApp.Modules.Accounts.Features.ApplySanction;

/// <summary>What a moderator does to an account through <see cref="IAccountSanctions"/>.</summary>
internal enum SanctionKind
{
    Suspend,
    Ban,
    Lift,
    HideForReview,
    EndReview,
}
