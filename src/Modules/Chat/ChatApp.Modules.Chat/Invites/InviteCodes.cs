using System.Buffers.Text;
using System.Security.Cryptography;

namespace ChatApp.Modules.Chat.Invites;

/// <summary>
/// Invite codes: 128 random bits from the system's cryptographic generator, base64url without padding (22 characters),
/// so guessing one is hopeless even without the rate limit on lookups.
/// </summary>
internal static class InviteCodes
{
    public const int RandomBytes = 16;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>
    /// The invite with exactly this code, or null. Codes are case-sensitive, while MySQL's default collation compares
    /// case-insensitively: the rows the database finds are checked again here, so a code typed in the wrong case is not found.
    /// </summary>
    public static async Task<Invite?> FindAsync(IQueryable<Invite> invites, string code, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(code))
        {
            return null;
        }

        var found = await invites.Where(i => i.Code == code).ToListAsync(cancellationToken);
        return found.SingleOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal));
    }

    /// <summary>Whether a code from a URL could be one of ours at all (checked before any lookup).</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: > 0 and <= Invite.CodeMaxLength } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
