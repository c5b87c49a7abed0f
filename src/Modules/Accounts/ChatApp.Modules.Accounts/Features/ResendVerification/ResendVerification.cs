using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Accounts.Email;

namespace ChatApp.Modules.Accounts.Features.ResendVerification;

internal sealed record ResendVerificationCommand(Guid UserId) : ICommand<Result>;

/// <summary>Mails a new verification code and link (through the outbox); the older ones stop working.</summary>
internal sealed class ResendVerificationHandler(AccountsDbContext db, IIdGenerator ids, TimeProvider timeProvider)
    : ICommandHandler<ResendVerificationCommand, Result>
{
    public async ValueTask<Result> Handle(ResendVerificationCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == command.UserId)
            .Select(u => new { u.Id, u.Email, u.EmailConfirmed })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return AccountErrors.UserNotFound;
        }

        if (user.Email is null)
        {
            return EmailErrors.NoEmail;
        }

        if (user.EmailConfirmed)
        {
            return EmailErrors.AlreadyVerified;
        }

        db.AddIntegrationEvent(new EmailVerificationRequestedIntegrationEvent(ids.NewId(), timeProvider.GetUtcNowForStorage(), user.Id, user.Email));
        return Result.Success();
    }
}
