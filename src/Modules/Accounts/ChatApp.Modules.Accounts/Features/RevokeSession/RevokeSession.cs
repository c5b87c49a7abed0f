namespace ChatApp.Modules.Accounts.Features.RevokeSession;

/// <summary>Signs out one of the caller's other devices (or this one) by revoking that session.</summary>
internal sealed record RevokeSessionCommand(Guid UserId, Guid SessionId) : ICommand<Result>;

internal sealed class RevokeSessionHandler(SessionRevocation revocation) : ICommandHandler<RevokeSessionCommand, Result>
{
    public async ValueTask<Result> Handle(RevokeSessionCommand command, CancellationToken cancellationToken) =>
        await revocation.RevokeAsync(command.UserId, command.SessionId, SessionRevocationReasons.RevokedByUser, cancellationToken);
}
