using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Accounts.Features.Refresh;

/// <summary>Exchanges a refresh token for a new pair.</summary>
[TransactionExemption(TransactionExemption.CommitOnFailure, "A replayed refresh token must still revoke its session although the call fails.")]
internal sealed record RefreshCommand(string RefreshToken) : ICommand<Result<TokenResponse>>;

internal sealed class RefreshValidator : AbstractValidator<RefreshCommand>
{
    public RefreshValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
}

/// <summary>
/// Rotation: the presented token is used up atomically (a conditional update, so two concurrent refreshes with one
/// token cannot both win) and the session's next token is issued in the same transaction. A token that was already
/// used means someone holds a copy: the whole session (every token of the family) is revoked and the caller gets 401.
/// </summary>
internal sealed class RefreshHandler(
    AccountsDbContext db,
    UserManager<User> users,
    SessionTokenIssuer issuer,
    SessionValidator sessions,
    AfterCommit afterCommit,
    IIdGenerator ids,
    TimeProvider timeProvider,
    ILogger<RefreshHandler> logger) : ICommandHandler<RefreshCommand, Result<TokenResponse>>
{
    public async ValueTask<Result<TokenResponse>> Handle(RefreshCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var hash = TokenService.Hash(command.RefreshToken);
        var token = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null)
        {
            return AccountErrors.InvalidRefreshToken;
        }

        var session = await db.Sessions.SingleAsync(s => s.Id == token.SessionId, cancellationToken);
        if (!session.IsActive(now) || token.ExpiresAt <= now)
        {
            return AccountErrors.InvalidRefreshToken;
        }

        if (token.UsedAt is not null)
        {
            return RevokeForReuse(session, now);
        }

        var user = await users.FindByIdAsync(session.UserId.ToString());
        if (user is null)
        {
            return AccountErrors.InvalidRefreshToken;
        }

        if (SignInRefusal.For(user, now) is { } refused)
        {
            return refused;
        }

        DateTime? usedAt = now;
        var claimed = await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, usedAt), cancellationToken);
        if (claimed == 0)
        {
            return RevokeForReuse(session, now);
        }

        var pair = await issuer.IssueAsync(user, session, now);
        return TokenResponse.From(pair);
    }

    /// <summary>Revokes the session and publishes that; the unit of work commits both although the call fails.</summary>
    private Error RevokeForReuse(Session session, DateTime now)
    {
        logger.LogWarning("Refresh token reuse detected for session {SessionId} of user {UserId}; revoking the session", session.Id, session.UserId);
        if (session.Revoke(now, SessionRevocationReasons.RefreshTokenReuse))
        {
            SessionsEnded.Publish(db, ids, now, session.UserId, [session.Id], SessionRevocationReasons.RefreshTokenReuse);
        }

        afterCommit.Run(() => sessions.Forget(session.Id));
        return AccountErrors.InvalidRefreshToken;
    }
}
