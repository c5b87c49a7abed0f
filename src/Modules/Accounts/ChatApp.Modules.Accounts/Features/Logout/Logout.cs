namespace ChatApp.Modules.Accounts.Features.Logout;

/// <summary>Signs out this device: revokes the current session and with it its refresh token.</summary>
internal sealed record LogoutCommand(Guid UserId, Guid SessionId) : ICommand<Result>;

internal sealed class LogoutHandler(SessionRevocation revocation) : ICommandHandler<LogoutCommand, Result>
{
    public async ValueTask<Result> Handle(LogoutCommand command, CancellationToken cancellationToken) =>
        await revocation.RevokeAsync(command.UserId, command.SessionId, SessionRevocationReasons.SignedOut, cancellationToken);
}
