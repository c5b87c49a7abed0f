using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ChatApp.Modules.Moderation.Paging;

/// <summary>Where a page ended (or began): a row's time and id, base64url-encoded; opaque to clients.</summary>
internal sealed record KeysetCursor(DateTime At, Guid Id)
{
    public const int MaxLength = 200;

    public static readonly Error Invalid = Error.Validation(
        "moderation.invalid_cursor", "The cursor is not one this list returned.", new Dictionary<string, string[]> { ["cursor"] = ["The cursor is not valid."] });

    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(At.Ticks.ToString(CultureInfo.InvariantCulture) + ":" + Id.ToString("N")));

    public static bool TryParse(string? text, out KeysetCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return false;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks is >= 0 and <= 3155378975999999999 && Guid.TryParseExact(parts[1], "N", out var id))
            {
                cursor = new KeysetCursor(new DateTime(ticks, DateTimeKind.Utc), id);
            }
        }
        catch (FormatException)
        {
            return false;
        }

        return cursor is not null;
    }
}
