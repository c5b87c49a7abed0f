using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Contracts;
using ChatApp.Modules.Media.Contracts;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Moderation.Features.ReviewReport;

internal sealed record ReviewReportQuery(Guid ReportId) : IQuery<Result<ReportReview>>;

/// <param name="Pictures">The snapshot's pictures that Media still has, with their URLs (signed, short-lived); absent ones are gone.</param>
/// <param name="Context">The room's messages around the reported one as they are now (edited or deleted since, perhaps).</param>
internal sealed record ReportReview(
    Report Report,
    string ReporterName,
    AccountStanding? Person,
    IReadOnlyDictionary<Guid, MediaImageInfo> Pictures,
    IReadOnlyList<MessageEvidence> Context,
    IReadOnlyDictionary<Guid, string> Names,
    IReadOnlyList<AuditEntry> History);

/// <summary>Everything a moderator needs to decide on one report: the snapshot, the messages around it, the person's standing and what was done before.</summary>
internal sealed class ReviewReportHandler(
    ModerationDbContext db,
    IUserDirectory users,
    IAccountSanctions sanctions,
    IMessageEvidence messages,
    IMediaCatalog media,
    IOptions<ModerationOptions> options) : IQueryHandler<ReviewReportQuery, Result<ReportReview>>
{
    public async ValueTask<Result<ReportReview>> Handle(ReviewReportQuery query, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.ReportId, cancellationToken);
        if (report is null)
        {
            return ModerationErrors.ReportNotFound;
        }

        var person = report.TargetUserId is { } personId ? await sanctions.GetStandingAsync(personId, cancellationToken) : null;
        var pictures = report.EvidenceAttachmentIds.Count == 0
            ? new Dictionary<Guid, MediaImageInfo>()
            : await media.GetImagesAsync(report.EvidenceAttachmentIds, cancellationToken);
        var context = report is { EvidenceRoomId: { } roomId, EvidenceSeq: { } seq }
            ? await messages.AroundAsync(roomId, seq, options.Value.ContextMessages, cancellationToken)
            : [];
        var history = await db.AuditLog.AsNoTracking()
            .Where(a => a.ReportId == report.Id || (report.TargetUserId != null && a.TargetUserId == report.TargetUserId))
            .OrderByDescending(a => a.At)
            .Take(50)
            .ToListAsync(cancellationToken);
        var ids = context.Select(m => m.SenderId).Concat(history.Select(a => a.AdminId)).Append(report.ReporterId).Distinct().ToList();
        var names = (await users.GetUsersAsync(ids, cancellationToken)).ToDictionary(kv => kv.Key, kv => kv.Value.DisplayName);
        return new ReportReview(
            report,
            names.TryGetValue(report.ReporterId, out var reporter) ? reporter : "(deleted account)",
            person,
            pictures,
            context,
            names,
            history);
    }
}
