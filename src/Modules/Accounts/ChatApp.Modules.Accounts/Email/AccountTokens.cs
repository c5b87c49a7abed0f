using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatApp.BuildingBlocks.Time;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>
/// Issues and consumes the single-use secrets that account mails carry (<see cref="AccountToken"/>). One mail holds two
/// rows of one purpose: a 6-digit code (hashed with its row id, so equal codes hash differently) and a 256-bit link
/// token (hashed like refresh tokens). Issuing a purpose ends that user's older tokens of it; consuming either row ends
/// both; every wrong code counts on both, and after <see cref="EmailOptions.MaxCodeAttempts"/> the mail is dead.
/// </summary>
internal sealed class AccountTokens(AccountsDbContext db, IOptions<EmailOptions> options, IIdGenerator ids, TimeProvider timeProvider)
{
    private readonly EmailOptions _options = options.Value;

    /// <summary>Stores a new pair (ending the older ones) and saves it; the caller mails the returned secrets.</summary>
    public async Task<IssuedToken> IssueAsync(Guid userId, string purpose, string? email, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        DateTime? ended = now;
        await db.AccountTokens.Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, ended), cancellationToken);

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var link = TokenService.NewRefreshToken();
        var expiresAt = now + _options.LifetimeOf(purpose);
        var codeRow = NewRow(userId, purpose, email, now, expiresAt);
        codeRow.TokenHash = CodeHash(codeRow.Id, code);
        var linkRow = NewRow(userId, purpose, email, now, expiresAt);
        linkRow.TokenHash = TokenService.Hash(link);
        db.AccountTokens.AddRange(codeRow, linkRow);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedToken(code, link, expiresAt);
    }

    /// <summary>
    /// Uses up the user's token of the purpose that <paramref name="token"/> (a code or a link token) matches; null when
    /// none does (wrong, expired, used, or too many wrong codes: one answer for all). A wrong code is counted. The caller's
    /// command must commit on failure, or the count is lost.
    /// </summary>
    public async Task<AccountToken?> ConsumeAsync(Guid userId, string purpose, string token, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var max = _options.MaxCodeAttempts;
        var live = await db.AccountTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now && t.FailedAttempts < max)
            .ToListAsync(cancellationToken);
        var isCode = IsCode(token);
        var match = live.Find(t => Matches(t, isCode ? CodeHash(t.Id, token) : TokenService.Hash(token)));
        if (match is null)
        {
            if (isCode && live.Count > 0)
            {
                var liveIds = live.Select(t => t.Id).ToList();
                await db.AccountTokens.Where(t => liveIds.Contains(t.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.FailedAttempts, t => t.FailedAttempts + 1), cancellationToken);
            }

            return null;
        }

        DateTime? used = now;
        // The one conditional update that makes a token single-use: of two requests with it, only one changes the row.
        var consumed = await db.AccountTokens
            .Where(t => t.Id == match.Id && t.UsedAt == null && t.ExpiresAt > now && t.FailedAttempts < max)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, used), cancellationToken);
        if (consumed == 0)
        {
            return null;
        }

        await db.AccountTokens.Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, used), cancellationToken);
        return match;
    }

    private static bool IsCode(string token) => token.Length == 6 && token.All(char.IsAsciiDigit);

    private static bool Matches(AccountToken row, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(row.TokenHash), Encoding.ASCII.GetBytes(hash));

    private static string CodeHash(Guid rowId, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rowId.ToString("N") + ":" + code)));

    private AccountToken NewRow(Guid userId, string purpose, string? email, DateTime now, DateTime expiresAt) => new()
    {
        Id = ids.NewId(),
        UserId = userId,
        Purpose = purpose,
        Email = email,
        CreatedAt = now,
        ExpiresAt = expiresAt,
    };
}
