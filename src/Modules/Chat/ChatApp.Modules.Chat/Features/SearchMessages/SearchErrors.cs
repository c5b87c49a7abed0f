namespace ChatApp.Modules.Chat.Features.SearchMessages;

/// <summary>Why a message search was refused (400, each with its <c>code</c>).</summary>
internal static class SearchErrors
{
    public static readonly Error QueryRequired = Error.Validation(
        "chat.search_query_required", "Give a search text in q.", new Dictionary<string, string[]> { ["q"] = ["The search text is empty."] });

    public static readonly Error QueryTooShort = Error.Validation(
        "chat.search_query_too_short", "The search text needs a word of at least two characters.",
        new Dictionary<string, string[]> { ["q"] = ["Type at least two characters of a word."] });

    /// <summary>Said by <see cref="SearchMessagesValidator"/> (its code and field; the OpenAPI document shows the limit).</summary>
    public static readonly Error QueryTooLong = Error.Validation(
        "chat.search_query_too_long", $"The search text is longer than {Search.MessageSearchText.MaxQueryLength} characters.",
        new Dictionary<string, string[]> { ["q"] = [$"At most {Search.MessageSearchText.MaxQueryLength} characters."] });

    public static readonly Error InvalidCursor = Error.Validation(
        "chat.invalid_search_cursor", "The cursor is not one this search returned.", new Dictionary<string, string[]> { ["cursor"] = ["Unknown cursor."] });
}
