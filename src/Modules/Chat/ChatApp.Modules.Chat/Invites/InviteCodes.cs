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

    /// <summary>Whether a code from a URL could be one of ours at all (checked before any lookup).</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: > 0 and <= Invite.CodeMaxLength } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
