using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;

namespace ChatApp.Modules.Accounts.Features.ForgotPassword;

internal sealed record ForgotPasswordCommand(string Email) : ICommand<Result>;

internal sealed class ForgotPasswordValidator : AbstractValidator<ForgotPasswordCommand>
{
    public ForgotPasswordValidator() => RuleFor(c => c.Email).ValidEmail();
}

/// <summary>
/// Asks for a reset mail. Known and unknown addresses take the same path (one look-up, one outbox row, the same empty
/// answer): the mail itself is composed and sent later by the outbox handler, which sends nothing for an unknown address.
/// </summary>
internal sealed class ForgotPasswordHandler(AccountsDbContext db, UserManager<User> users, IIdGenerator ids, TimeProvider timeProvider)
    : ICommandHandler<ForgotPasswordCommand, Result>
{
    public async ValueTask<Result> Handle(ForgotPasswordCommand command, CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeEmail(command.Email.Trim());
        var userId = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized)
            .Select(u => (Guid?)u.Id)
            .SingleOrDefaultAsync(cancellationToken);
        db.AddIntegrationEvent(new PasswordResetRequestedIntegrationEvent(ids.NewId(), timeProvider.GetUtcNowForStorage(), userId));
        return Result.Success();
    }
}
