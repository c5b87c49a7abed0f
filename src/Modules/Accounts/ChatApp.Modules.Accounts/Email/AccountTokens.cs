using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using ChatApp.BuildingBlocks.Time;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>
/// Issues and consumes the single-use secrets that account mails carry (<see cref="AccountToken"/>). One mail holds two
/// rows of one purpose: a 6-digit code (hashed with its row id, so equal codes hash differently) and a 256-bit link
/// token (hashed like refresh tokens). Both secrets and both row ids are derived from the mail's event id with an HMAC,
/// so a second delivery of the same event finds its rows and mails the same secrets again instead of ending them.
/// Issuing a purpose ends that user's older tokens of it. Every wrong code counts on both rows of the live mail: after
/// <see cref="EmailOptions.MaxCodeAttempts"/> the mail is dead, and after <see cref="EmailOptions.MaxCodeAttemptsPerDay"/>
/// on the user's mails of a purpose issued in the last 24 hours every code is refused (only link tokens still work).
/// Issuing and consuming lock the user's row, so parallel requests of one user are judged one after the other.
/// </summary>
internal sealed class AccountTokens(
    AccountsDbContext db,
    IOptions<EmailOptions> options,
    SigningKeyProvider signingKey,
    TimeProvider timeProvider)
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private readonly EmailOptions _options = options.Value;

    /// <summary>
    /// Stores the pair of the mail <paramref name="mailId"/> (ending the user's older ones) and returns its secrets to
    /// mail; the same secrets again when that mail's pair exists and is still live; null when there is nothing to send
    /// (the pair is used or expired, or the user got a mail of this purpose too recently or too often today).
    /// </summary>
    public async Task<IssuedToken?> IssueAsync(Guid mailId, Guid userId, string purpose, string? email, CancellationToken cancellationToken)
    {
        var secrets = Derive(mailId, purpose);
        var now = timeProvider.GetUtcNowForStorage();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockUserAsync(userId, cancellationToken);
        var existing = await db.AccountTokens.AsNoTracking()
            .Where(t => t.Id == secrets.CodeRowId)
            .Select(t => new { t.UsedAt, t.ExpiresAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            return existing.UsedAt is null && existing.ExpiresAt > now ? new IssuedToken(secrets.Code, secrets.Link, existing.ExpiresAt) : null;
        }

        var since = now - Day;
        var recent = await db.AccountTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.Purpose == purpose && t.CreatedAt > since)
            .Select(t => t.CreatedAt)
            .ToListAsync(cancellationToken);
        if (recent.Exists(created => created > now - _options.MailInterval) || recent.Count / 2 >= _options.MaxMailsPerDay)
        {
            await transaction.CommitAsync(cancellationToken);
            return null;
        }

        DateTime? ended = now;
        await db.AccountTokens.Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, ended), cancellationToken);

        var expiresAt = now + _options.LifetimeOf(purpose);
        var codeRow = NewRow(secrets.CodeRowId, userId, purpose, email, now, expiresAt);
        codeRow.TokenHash = CodeHash(codeRow.Id, secrets.Code);
        var linkRow = NewRow(secrets.LinkRowId, userId, purpose, email, now, expiresAt);
        linkRow.TokenHash = TokenService.Hash(secrets.Link);
        db.AccountTokens.AddRange(codeRow, linkRow);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new IssuedToken(secrets.Code, secrets.Link, expiresAt);
    }

    /// <summary>
    /// Uses up the user's token of the purpose that <paramref name="token"/> (a code or a link token) matches; null when
    /// none does (wrong, expired, used, or too many wrong codes: one answer for all). A code is counted before it is
    /// compared (and uncounted when right), so parallel guesses cannot exceed the limits. Must run in the caller's
    /// transaction, which must commit on failure too, or the count is lost.
    /// </summary>
    public async Task<AccountToken?> ConsumeAsync(Guid userId, string purpose, string token, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var max = _options.MaxCodeAttempts;
        if (userId != Guid.Empty)
        {
            await LockUserAsync(userId, cancellationToken);
        }

        var isCode = IsCode(token);
        if (isCode)
        {
            var since = now - Day;
            // Both rows of a mail count each wrong code, hence twice the limit.
            var wrongCodes = await db.AccountTokens
                .Where(t => t.UserId == userId && t.Purpose == purpose && t.CreatedAt > since)
                .SumAsync(t => t.FailedAttempts, cancellationToken);
            if (wrongCodes >= 2 * _options.MaxCodeAttemptsPerDay)
            {
                return null;
            }
        }

        var live = await db.AccountTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now && t.FailedAttempts < max)
            .ToListAsync(cancellationToken);
        if (live.Count == 0)
        {
            return null;
        }

        var liveIds = live.Select(t => t.Id).ToList();
        if (isCode)
        {
            var counted = await db.AccountTokens
                .Where(t => liveIds.Contains(t.Id) && t.UsedAt == null && t.FailedAttempts < max)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.FailedAttempts, t => t.FailedAttempts + 1), cancellationToken);
            if (counted == 0)
            {
                return null;
            }
        }

        var match = live.Find(t => Matches(t, isCode ? CodeHash(t.Id, token) : TokenService.Hash(token)));
        if (match is null)
        {
            return null;
        }

        DateTime? used = now;
        // The one conditional update that makes a token single-use: of two requests with it, only one changes the row.
        var consumed = await db.AccountTokens
            .Where(t => t.Id == match.Id && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, used), cancellationToken);
        if (consumed == 0)
        {
            return null;
        }

        if (isCode)
        {
            // The right code is not a wrong guess.
            await db.AccountTokens.Where(t => liveIds.Contains(t.Id) && t.FailedAttempts > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.FailedAttempts, t => t.FailedAttempts - 1), cancellationToken);
        }

        await EndAsync(userId, [purpose], cancellationToken);
        return match;
    }

    /// <summary>Ends the user's live tokens of the purposes (their mails stop working); part of the caller's transaction.</summary>
    public async Task EndAsync(Guid userId, string[] purposes, CancellationToken cancellationToken)
    {
        DateTime? ended = timeProvider.GetUtcNowForStorage();
        await db.AccountTokens.Where(t => t.UserId == userId && purposes.Contains(t.Purpose) && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, ended), cancellationToken);
    }

    /// <summary>
    /// Write-locks the user's row until the transaction ends (an update that changes nothing still locks the row in
    /// InnoDB): requests of one user about its tokens wait for each other.
    /// </summary>
    private Task<int> LockUserAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ConcurrencyStamp, u => u.ConcurrencyStamp), cancellationToken);

    private MailSecrets Derive(Guid mailId, string purpose)
    {
        var key = HMACSHA256.HashData(signingKey.Key.Key, "ChatApp account mail tokens"u8);
        byte[] Part(string label) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{label}:{purpose}:{mailId:N}"));
        var code = (BinaryPrimitives.ReadUInt64BigEndian(Part("code")) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        return new MailSecrets(code, Base64UrlEncoder.Encode(Part("link")), new Guid(Part("code-row").AsSpan(0, 16)), new Guid(Part("link-row").AsSpan(0, 16)));
    }

    private static bool IsCode(string token) => token.Length == 6 && token.All(char.IsAsciiDigit);

    private static bool Matches(AccountToken row, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(row.TokenHash), Encoding.ASCII.GetBytes(hash));

    private static string CodeHash(Guid rowId, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rowId.ToString("N") + ":" + code)));

    private static AccountToken NewRow(Guid id, Guid userId, string purpose, string? email, DateTime now, DateTime expiresAt) => new()
    {
        Id = id,
        UserId = userId,
        Purpose = purpose,
        Email = email,
        CreatedAt = now,
        ExpiresAt = expiresAt,
    };

    private readonly record struct MailSecrets(string Code, string Link, Guid CodeRowId, Guid LinkRowId);
}
