using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.Outbox;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Features.PurgeExpiredSessions;

/// <summary>Configuration section <c>Accounts:Maintenance</c>.</summary>
internal sealed class AccountsMaintenanceOptions
{
    public const string SectionName = "Accounts:Maintenance";

    /// <summary>Cron expression of the recurring job (UTC). Default: every hour.</summary>
    public string Cron { get; set; } = "0 * * * *";

    /// <summary>How long ended (expired or revoked) sessions stay listed in the database, for support and audits.</summary>
    public TimeSpan EndedSessionRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a used refresh token is kept to recognise its reuse. Past this, presenting it is refused as unknown
    /// (still 401) without revoking the session.
    /// </summary>
    public TimeSpan UsedRefreshTokenRetention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan DeliveredOutboxRetention { get; set; } = TimeSpan.FromDays(7);
}

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
