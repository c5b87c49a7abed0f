using ChatApp.Modules.Moderation.Paging;

namespace ChatApp.Modules.Moderation.Features.ListMyNotices;

internal sealed record ListMyNoticesQuery(Guid UserId, string? Cursor) : IQuery<Result<NoticesPage>>;

/// <summary>One page of my notices, newest first; <c>NextCursor</c> null on the last page.</summary>
internal sealed record NoticesPage(IReadOnlyList<NoticeResponse> Items, string? NextCursor);

/// <summary>
/// A notice as its person sees it. <c>Kind</c>: warning, suspension, ban, lift, message_removed (about me), or
/// report_outcome (about my report <c>ReportId</c>, with <c>Outcome</c> action_taken or no_violation). Never who acted or who reported.
/// </summary>
internal sealed record NoticeResponse(
    Guid Id,
    [property: WireValues(NoticeKinds.Warning, NoticeKinds.Suspension, NoticeKinds.Ban, NoticeKinds.Lift, NoticeKinds.MessageRemoved, NoticeKinds.ReportOutcome)]
    string Kind,
    DateTime At,
    [property: WireValues(ReportReasons.Spam, ReportReasons.Harassment, ReportReasons.Sexual, ReportReasons.Violence, ReportReasons.SelfHarm, ReportReasons.Other)] string? Category,
    string? Message,
    DateTime? Until,
    Guid? ReportId,
    [property: WireValues(NoticeKinds.ActionTaken, NoticeKinds.NoViolation)] string? Outcome);

/// <summary>What moderators told me, newest first, paged by (time, id) keyset.</summary>
internal sealed class ListMyNoticesHandler(ModerationDbContext db) : IQueryHandler<ListMyNoticesQuery, Result<NoticesPage>>
{
    public const int PageSize = 50;

    public async ValueTask<Result<NoticesPage>> Handle(ListMyNoticesQuery query, CancellationToken cancellationToken)
    {
        KeysetCursor? cursor = null;
        if (query.Cursor is not null && !KeysetCursor.TryParse(query.Cursor, out cursor))
        {
            return KeysetCursor.Invalid;
        }

        var page = await Keyset.PageAsync(
            db.Notices.AsNoTracking().Where(n => n.UserId == query.UserId), n => n.At, n => n.Id,
            ascending: false, cursor, backwards: false, PageSize, cancellationToken);
        var items = page.Rows.Select(n => new NoticeResponse(n.Id, n.Kind, n.At, n.Category, n.Message, n.Until, n.ReportId, n.Outcome)).ToList();
        return new NoticesPage(items, page.More ? new KeysetCursor(page.Rows[^1].At, page.Rows[^1].Id).ToString() : null);
    }
}
