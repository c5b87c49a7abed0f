using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.GetMessages;

/// <summary>A page of history: <c>before</c> a sequence number (older, default: the newest page) or <c>after</c> one (newer).</summary>
internal sealed record GetMessagesQuery(Guid UserId, Guid RoomId, long? Before, long? After, int Limit) : IQuery<Result<MessagePage>>;

/// <summary>
/// Messages in sequence order (oldest first); <c>hasMore</c> says whether more exist in the direction asked;
/// <c>reactions</c> are those of the page's messages, one entry per message and emoji.
/// </summary>
internal sealed record MessagePage(IReadOnlyList<MessageResponse> Messages, bool HasMore, IReadOnlyList<ReactionSummary> Reactions);

internal sealed record ReactionSummary(Guid MessageId, string Emoji, int Count, IReadOnlyList<Guid> UserIds);

internal sealed class GetMessagesValidator : AbstractValidator<GetMessagesQuery>
{
    public const int MaxLimit = 100;

    public GetMessagesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit);
        RuleFor(q => q.Before).GreaterThan(0);
        RuleFor(q => q.After).GreaterThanOrEqualTo(0);
        RuleFor(q => q).Must(q => q.Before is null || q.After is null).OverridePropertyName("before").WithMessage("Give 'before' or 'after', not both.");
    }
}

internal sealed class GetMessagesHandler(ChatDbContext db, RoomCards cards, ChatApp.Modules.Media.Contracts.IMediaCatalog media) : IQueryHandler<GetMessagesQuery, Result<MessagePage>>
{
    public async ValueTask<Result<MessagePage>> Handle(GetMessagesQuery query, CancellationToken cancellationToken)
    {
        if ((await cards.GetAsync(db, query.RoomId, cancellationToken))?.HasMember(query.UserId) != true)
        {
            return ChatErrors.RoomNotFound;
        }

        var messages = db.Messages.AsNoTracking().Where(m => m.RoomId == query.RoomId);
        List<Message> page;
        if (query.After is { } after)
        {
            page = await messages.Where(m => m.Seq > after).OrderBy(m => m.Seq).Take(query.Limit + 1).ToListAsync(cancellationToken);
        }
        else
        {
            if (query.Before is { } before)
            {
                messages = messages.Where(m => m.Seq < before);
            }

            page = await messages.OrderByDescending(m => m.Seq).Take(query.Limit + 1).ToListAsync(cancellationToken);
            page.Reverse();
        }

        var hasMore = page.Count > query.Limit;
        if (hasMore)
        {
            page.RemoveAt(query.After is null ? 0 : page.Count - 1);
        }

        var ids = page.Select(m => m.Id).ToList();
        var reactions = await db.Reactions.AsNoTracking()
            .Where(r => ids.Contains(r.MessageId))
            .OrderBy(r => r.CreatedAt)
            .ToListAsync(cancellationToken);
        var summaries = reactions
            .GroupBy(r => (r.MessageId, r.Emoji))
            .Select(g => new ReactionSummary(g.Key.MessageId, g.Key.Emoji, g.Count(), g.Select(r => r.UserId).ToList()))
            .ToList();
        var attached = await MessageAttachments.LoadAsync(media, page, cancellationToken);
        return new MessagePage(page.Select(m => MessageResponse.From(m, attached)).ToList(), hasMore, summaries);
    }
}
