using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ChatApp.Modules.Chat.Features.ListBlocks;

/// <summary>Where a page of the block list ended: the last block's time and blocked id, base64url-encoded.</summary>
internal sealed record BlockListCursor(DateTime BlockedAt, Guid BlockedId)
{
    public static readonly Error Invalid = Error.Validation(
        "chat.invalid_cursor", "The cursor is not one this list returned.", new Dictionary<string, string[]> { ["cursor"] = ["The cursor is not valid."] });

    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(BlockedAt.Ticks.ToString(CultureInfo.InvariantCulture) + ":" + BlockedId.ToString("N")));

    public static bool TryParse(string text, out BlockListCursor? cursor)
    {
        cursor = null;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks is >= 0 and <= 3155378975999999999 && Guid.TryParseExact(parts[1], "N", out var id))
            {
                cursor = new BlockListCursor(new DateTime(ticks, DateTimeKind.Utc), id);
            }
        }
        catch (FormatException)
        {
            return false;
        }

        return cursor is not null;
    }
}
