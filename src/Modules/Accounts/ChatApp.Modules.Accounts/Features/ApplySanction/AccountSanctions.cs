namespace ChatApp.Modules.Accounts.Features.ApplySanction;

/// <summary>Answers <see cref="IAccountSanctions"/>: each change is an <see cref="ApplySanctionCommand"/> in its own unit of work.</summary>
internal sealed class AccountSanctions(ISender sender, AccountsDbContext db) : IAccountSanctions
{
    public Task<Result> SuspendAsync(Guid userId, DateTime until, CancellationToken cancellationToken) =>
        SendAsync(new ApplySanctionCommand(userId, SanctionKind.Suspend, until), cancellationToken);

    public Task<Result> BanAsync(Guid userId, CancellationToken cancellationToken) =>
        SendAsync(new ApplySanctionCommand(userId, SanctionKind.Ban, null), cancellationToken);

    public Task<Result> LiftAsync(Guid userId, CancellationToken cancellationToken) =>
        SendAsync(new ApplySanctionCommand(userId, SanctionKind.Lift, null), cancellationToken);

    public Task<Result> HideForReviewAsync(Guid userId, CancellationToken cancellationToken) =>
        SendAsync(new ApplySanctionCommand(userId, SanctionKind.HideForReview, null), cancellationToken);

    public Task<Result> EndReviewAsync(Guid userId, CancellationToken cancellationToken) =>
        SendAsync(new ApplySanctionCommand(userId, SanctionKind.EndReview, null), cancellationToken);

    public Task<AccountStanding?> GetStandingAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new AccountStanding(u.Id, u.DisplayName, u.Handle, u.CreatedAt, u.DeactivatedAt != null, u.SuspendedUntil, u.BannedAt, u.HiddenForReviewAt))
            .SingleOrDefaultAsync(cancellationToken);

    private async Task<Result> SendAsync(ApplySanctionCommand command, CancellationToken cancellationToken) =>
        await sender.Send(command, cancellationToken);
}
