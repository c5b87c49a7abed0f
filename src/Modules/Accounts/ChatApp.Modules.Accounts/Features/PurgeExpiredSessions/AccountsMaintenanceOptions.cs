using ChatApp.BuildingBlocks.Time;
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
