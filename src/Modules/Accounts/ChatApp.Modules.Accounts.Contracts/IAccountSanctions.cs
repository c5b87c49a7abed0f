using ChatApp.BuildingBlocks.Results;

namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>
/// What moderators may do to an account (implemented inside Accounts, used by the Moderation module). Each call is its
/// own unit of work in Accounts. A suspension or ban ends every session of the account at once on every node and refuses
/// sign-in (<c>accounts.suspended</c>, <c>accounts.banned</c>) until it ends or is lifted. Administrators' accounts are
/// refused (<c>accounts.admin_protected</c>); an unknown account is <c>accounts.user_not_found</c>.
/// </summary>
public interface IAccountSanctions
{
    /// <summary>Suspends until <paramref name="until"/> (UTC), replacing a shorter or longer suspension.</summary>
    Task<Result> SuspendAsync(Guid userId, DateTime until, CancellationToken cancellationToken);

    /// <summary>Bans until lifted.</summary>
    Task<Result> BanAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Lifts a ban and a suspension, and ends a hiding for review.</summary>
    Task<Result> LiftAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Hides the account from search and recommendations until a moderator reviews it (automatic, on reports).</summary>
    Task<Result> HideForReviewAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>A moderator reviewed the account: it is no longer hidden for review (bans and suspensions stay).</summary>
    Task<Result> EndReviewAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Where the account stands, for the moderators' pages; null when there is no such account.</summary>
    Task<AccountStanding?> GetStandingAsync(Guid userId, CancellationToken cancellationToken);
}
