using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Moderation.Features.ReleaseEvidence;

internal sealed record ReleaseEvidenceCommand : ICommand<ReleaseEvidenceResult>;

/// <summary><c>Finished</c>: no expired evidence is left (otherwise send the command again for the next batch).</summary>
internal sealed record ReleaseEvidenceResult(int Released, bool Finished);

/// <summary>
/// Tells Media that reports closed longer than <see cref="ModerationOptions.EvidenceRetention"/> no longer need their
/// snapshot's pictures (<see cref="ReportEvidenceReleasedIntegrationEvent"/>, through the outbox in this transaction),
/// a batch at a time. The snapshot's text and picture ids stay in the report; the admin page then says a picture is no
/// longer stored.
/// </summary>
internal sealed class ReleaseEvidenceHandler(ModerationDbContext db, IOptions<ModerationOptions> options, IIdGenerator ids, TimeProvider timeProvider)
    : ICommandHandler<ReleaseEvidenceCommand, ReleaseEvidenceResult>
{
    public const int BatchSize = 200;

    public async ValueTask<ReleaseEvidenceResult> Handle(ReleaseEvidenceCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var cutoff = now - options.Value.EvidenceRetention;
        var reports = await db.Reports
            .Where(r => r.Status != ReportStatuses.Open && r.ResolvedAt < cutoff && r.EvidenceAttachments != null && r.EvidenceReleasedAt == null)
            .OrderBy(r => r.ResolvedAt)
            .Take(BatchSize + 1)
            .ToListAsync(cancellationToken);
        var batch = reports.Take(BatchSize).ToList();
        foreach (var report in batch)
        {
            report.EvidenceReleasedAt = now;
            db.AddIntegrationEvent(new ReportEvidenceReleasedIntegrationEvent(ids.NewId(), now, report.Id, report.EvidenceAttachmentIds));
        }

        return new ReleaseEvidenceResult(batch.Count, Finished: reports.Count <= BatchSize);
    }
}
