using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Accounts.Deletion;

namespace ChatApp.Modules.Accounts.Features.AdminDeleteAccount;

internal sealed record AdminDeleteAccountCommand(Guid AdminId, Guid UserId) : ICommand<Result>;

/// <summary>
/// An administrator deletes an account exactly as its owner would, and the audit log records who did it, in the same
/// transaction (ids and the action only: the log holds nothing personal). An account that does not exist (or was
/// deleted already) is 404, and nothing is logged. An administrator's own account is refused (409
/// <c>accounts.use_own_deletion</c>: <c>DELETE /accounts/me</c> confirms it), as is the last member of the admin role
/// (409 <c>accounts.last_admin</c>).
/// </summary>
internal sealed class AdminDeleteAccountHandler(AccountsDbContext db, AccountEraser eraser, IIdGenerator ids, TimeProvider timeProvider)
    : ICommandHandler<AdminDeleteAccountCommand, Result>
{
    public const string AuditAction = "account.deleted";

    public async ValueTask<Result> Handle(AdminDeleteAccountCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken);
        if (user is null)
        {
            return AccountErrors.UserNotFound;
        }

        if (user.Id == command.AdminId)
        {
            return DeletionErrors.UseOwnDeletion;
        }

        var admins = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                where role.Name == AuthorizationPolicies.AdminRole
                select userRole.UserId)
            .ToListAsync(cancellationToken);
        if (admins.Contains(user.Id) && admins.All(id => id == user.Id))
        {
            return DeletionErrors.LastAdmin;
        }

        db.AuditLog.Add(new AuditEntry
        {
            Id = ids.NewId(),
            At = timeProvider.GetUtcNowForStorage(),
            ActorUserId = command.AdminId,
            Action = AuditAction,
            SubjectUserId = user.Id,
        });
        await eraser.EraseAsync(user, cancellationToken);
        return Result.Success();
    }
}
