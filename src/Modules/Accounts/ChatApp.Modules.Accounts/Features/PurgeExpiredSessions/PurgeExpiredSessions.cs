using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Features.PurgeExpiredSessions;

internal sealed record PurgeExpiredSessionsCommand : ICommand<PurgeExpiredSessionsResult>;

internal sealed record PurgeExpiredSessionsResult(int Sessions, int RefreshTokens, int OutboxMessages);

/// <summary>Keeps the Accounts tables bounded: removes long-ended sessions (with their tokens), old used refresh tokens and delivered outbox rows.</summary>
internal sealed class PurgeExpiredSessionsHandler(AccountsDbContext db, IOptions<AccountsMaintenanceOptions> options, TimeProvider timeProvider)
    : ICommandHandler<PurgeExpiredSessionsCommand, PurgeExpiredSessionsResult>
{
    public async ValueTask<PurgeExpiredSessionsResult> Handle(PurgeExpiredSessionsCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var sessionCutoff = now - options.Value.EndedSessionRetention;
        var ended = db.Sessions.Where(s => (s.RevokedAt != null && s.RevokedAt < sessionCutoff) || s.ExpiresAt < sessionCutoff);

        var tokens = await db.RefreshTokens.Where(t => ended.Any(s => s.Id == t.SessionId)).ExecuteDeleteAsync(cancellationToken);
        var sessions = await ended.ExecuteDeleteAsync(cancellationToken);
        var tokenCutoff = now - options.Value.UsedRefreshTokenRetention;
        tokens += await db.RefreshTokens.Where(t => t.UsedAt != null && t.UsedAt < tokenCutoff).ExecuteDeleteAsync(cancellationToken);
        var outbox = await db.PurgeDeliveredOutboxMessagesAsync(now - options.Value.DeliveredOutboxRetention, cancellationToken);
        return new PurgeExpiredSessionsResult(sessions, tokens, outbox);
    }
}
