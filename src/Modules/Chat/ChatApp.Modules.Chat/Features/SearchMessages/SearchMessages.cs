using ChatApp.Modules.Chat.Rooms;
using ChatApp.Modules.Chat.Search;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Features.SearchMessages;

internal sealed record SearchMessagesQuery(Guid UserId, string? Q, Guid? RoomId, string? Cursor, int Limit) : IQuery<Result<MessageSearchPage>>;

/// <summary>
/// The page size and the query's length, validator rules so that the OpenAPI document shows them (<c>limit</c> 1..50,
/// <c>q</c> at most 100 characters). What needs the folded text (empty, no word of two characters) is the handler's.
/// </summary>
internal sealed class SearchMessagesValidator : AbstractValidator<SearchMessagesQuery>
{
    public const int MaxLimit = 50;

    public SearchMessagesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).WithMessage($"limit must be between 1 and {MaxLimit}.");
        RuleFor(q => q.Q).MaximumLength(MessageSearchText.MaxQueryLength)
            .WithErrorCode(SearchErrors.QueryTooLong.Code).WithMessage($"At most {MessageSearchText.MaxQueryLength} characters.");
    }
}

/// <summary>
/// Messages of the rooms I am a member of (or of one of them) whose text contains the query, folded
/// (<see cref="MessageSearchText"/>); never messages of people I blocked or who blocked me, never deleted ones. My rooms'
/// blocks' Bloom filters find the candidates (<see cref="MessageSearcher"/>), the same on every database.
/// </summary>
internal sealed class SearchMessagesHandler(ChatDbContext db, RoomCards cards, IOptions<ChatOptions> options) : IQueryHandler<SearchMessagesQuery, Result<MessageSearchPage>>
{
    public async ValueTask<Result<MessageSearchPage>> Handle(SearchMessagesQuery query, CancellationToken cancellationToken)
    {
        var folded = SearchFolding.Fold(query.Q);
        if (folded.Length == 0)
        {
            return SearchErrors.QueryRequired;
        }

        if (!MessageSearchText.HasTerm(folded))
        {
            return SearchErrors.QueryTooShort;
        }

        (DateTime CreatedAt, Guid MessageId)? after = null;
        if (query.Cursor is not null)
        {
            if (MessageSearcher.ParseCursor(query.Cursor) is not { } cursor)
            {
                return SearchErrors.InvalidCursor;
            }

            after = cursor;
        }

        if (query.RoomId is { } roomId && (await cards.GetAsync(db, roomId, cancellationToken))?.HasMember(query.UserId) != true)
        {
            return ChatErrors.RoomNotFound;
        }

        var settings = options.Value;
        return await MessageSearcher.SearchAsync(
            db, query.UserId, folded, query.RoomId, after, query.Limit, settings.SearchBlockBudget, cancellationToken);
    }
}
