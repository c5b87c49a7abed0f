using System.Buffers.Text;
using System.Text;

namespace ChatApp.Modules.Accounts.Features.SearchPeople;

/// <summary>
/// Where a page of people search ended (ADR 0023 part P). A query few people match is paged in name order: the stored
/// key of the last person (<see cref="PeopleSearchOrder.Name"/>). A common query is paged in term order: first the
/// people whose name matches, by (term, id) (<see cref="PeopleSearchOrder.Term"/>), then those found by their handle
/// only, by handle (<see cref="PeopleSearchOrder.Handle"/>).
/// </summary>
internal sealed record PeopleSearchCursor(PeopleSearchOrder Order, string Value, Guid UserId)
{
    /// <summary>Starts the term and handle cursors; never the first character of a stored key (a folded name starts with a letter or digit).</summary>
    private const char Marker = '\u001D';

    public static PeopleSearchCursor ByName(string key) => new(PeopleSearchOrder.Name, key, Guid.Empty);

    public static PeopleSearchCursor ByTerm(string term, Guid userId) => new(PeopleSearchOrder.Term, term, userId);

    /// <summary>Handles are unique, so the handle alone is the position.</summary>
    public static PeopleSearchCursor ByHandle(string normalizedHandle) => new(PeopleSearchOrder.Handle, normalizedHandle, Guid.Empty);

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Order switch
    {
        PeopleSearchOrder.Term => $"{Marker}t{Value}{NameSearchKeys.Separator}{UserId:N}",
        PeopleSearchOrder.Handle => $"{Marker}h{Value}",
        _ => Value,
    }));

    public static bool TryDecode(string cursor, out PeopleSearchCursor? decoded)
    {
        decoded = null;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return false;
        }

        if (text.Length > 2 && text[0] == Marker)
        {
            var value = text[2..];
            var split = value.LastIndexOf(NameSearchKeys.Separator);
            decoded = text[1] switch
            {
                't' when split is > 0 and <= PeopleSearchTerm.MaxLength && Guid.TryParseExact(value[(split + 1)..], "N", out var id) =>
                    ByTerm(value[..split], id),
                'h' when Handles.IsWellFormed(value) && value == Handles.Normalize(value) => ByHandle(value),
                _ => null,
            };
            return decoded is not null;
        }

        // A stored key: folded name, 초성, id.
        var parts = text.Split(NameSearchKeys.Separator);
        if (parts.Length == 3 && Guid.TryParseExact(parts[2], "N", out _))
        {
            decoded = ByName(text);
        }

        return decoded is not null;
    }
}
